// "Adicionar corretor" on /corretores: a new broker with the agency's default daily limit, audited.
// The number is read as a broker types it and stored in E.164 (what WhatsApp needs); a number
// another broker of the agency already has is refused, or each would get the other's alerts and
// commands. The roleta reads the brokers afresh for every lead, so the next one may go to them.
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { insertAuditoria } from "@/lib/db/queries/auditoria";
import { findCorretorByTelefone, insertCorretor, type Corretor } from "@/lib/db/queries/corretores";
import { isUniqueViolation } from "@/lib/db/errors";
import { preferenciasDeNovoCorretor, type ConfiguracoesImobiliaria } from "@/lib/domain/configuracoes-imobiliaria";
import { parseWhatsappNumber } from "@/lib/phone/whatsapp-number";

export const ACAO_CORRETOR_CRIADO = "corretor.criado";

export const novoCorretorFormSchema = z.object({
  nome: z.string().trim().min(2, "Informe o nome (pelo menos 2 letras).").max(200, "No máximo 200 caracteres."),
  telefone: z.string().trim().min(1, "Informe o WhatsApp.").max(40, "Número longo demais."),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.union([z.literal(""), z.email("E-mail inválido.").max(200, "No máximo 200 caracteres.")])),
});
export type NovoCorretorForm = z.input<typeof novoCorretorFormSchema>;

export type AddCorretorResult =
  { kind: "feito"; corretor: Corretor } | { kind: "invalido"; erros: Record<string, string> };

export async function addCorretor(
  db: Db,
  actor: { imobiliariaId: string; usuarioId: string; configuracoes: ConfiguracoesImobiliaria },
  input: NovoCorretorForm,
): Promise<AddCorretorResult> {
  const parsed = novoCorretorFormSchema.safeParse(input);
  const erros: Record<string, string> = {};
  if (!parsed.success)
    for (const issue of parsed.error.issues) erros[String(issue.path[0] ?? "form")] ??= issue.message;
  const phone = parseWhatsappNumber(input.telefone ?? "");
  if (!erros.telefone && phone.erro) erros.telefone = phone.erro;
  if (!parsed.success || !phone.e164 || Object.keys(erros).length > 0) return { kind: "invalido", erros };
  const telefone = phone.e164;

  const duplicado = { kind: "invalido", erros: { telefone: "Já existe um corretor com este número." } } as const;
  try {
    return await insertAudited(db, actor, parsed.data, telefone, duplicado);
  } catch (err) {
    // Two managers adding the same number at once: the unique index refuses the second.
    if (isUniqueViolation(err, "uq_corretores_imobiliaria_telefone")) return duplicado;
    throw err;
  }
}

async function insertAudited(
  db: Db,
  actor: { imobiliariaId: string; usuarioId: string; configuracoes: ConfiguracoesImobiliaria },
  dados: z.output<typeof novoCorretorFormSchema>,
  telefone: string,
  duplicado: AddCorretorResult,
): Promise<AddCorretorResult> {
  return db.transaction(async (tx) => {
    if (await findCorretorByTelefone(tx, actor.imobiliariaId, telefone)) return duplicado;
    const preferencias = preferenciasDeNovoCorretor(actor.configuracoes);
    const corretor = await insertCorretor(tx, {
      imobiliariaId: actor.imobiliariaId,
      nome: dados.nome,
      telefone,
      email: dados.email || null,
      ativo: true,
      preferencias,
    });
    await insertAuditoria(tx, {
      imobiliariaId: actor.imobiliariaId,
      usuarioId: actor.usuarioId,
      acao: ACAO_CORRETOR_CRIADO,
      alvoTipo: "corretor",
      alvoId: corretor.id,
      detalhes: { limiteDiario: preferencias.limiteDiario ?? null, ativo: true },
    });
    return { kind: "feito", corretor } as const;
  });
}
