// A broker's settings changed from the dashboard. Managers change everything; a broker changes only
// their own hours, days, grouping, quiet-hours policy and pause. A broker's form that still carries the
// daily limit or the active flag is refused (not silently trimmed), so a forged post never half-applies.
import { z } from "zod";
import type { Scope } from "@/lib/auth/scope";
import type { Db } from "@/lib/db/client";
import { insertAuditoria } from "@/lib/db/queries/auditoria";
import { forgetImobiliariasRecentes, setPesoRoleta } from "@/lib/db/queries/imobiliarias";
import { lockCorretorForUpdate, setCorretorAjustes, type Corretor } from "@/lib/db/queries/corretores";
import type { Preferencias } from "@/lib/domain/preferencias";

const hhmm = /^([01]\d|2[0-3]):[0-5]\d$/;
const hhmmFim = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;
const inteiro = (min: number, max: number, texto: string) =>
  z.number({ error: "Informe um número." }).int("Use um número inteiro.").min(min, texto).max(max, texto);

/** What a broker may leave out: `undefined` keeps the stored value. */
const PAUSAS = ["manter", "nenhuma", "1d", "1s", "ate"] as const;
export type Pausa = (typeof PAUSAS)[number];

export const ajustesCorretorSchema = z
  .object({
    corretorId: z.string().trim().min(1).max(50),
    limiteDiario: inteiro(1, 50, "De 1 a 50 mensagens por dia.").optional(),
    inicio: z.string().regex(hhmm, "Use HH:MM, de 00:00 a 23:59."),
    fim: z.string().regex(hhmmFim, "Use HH:MM, até 24:00."),
    dias: z.array(z.number().int().min(0).max(6)).min(1, "Escolha ao menos um dia."),
    janelaMinutos: inteiro(1, 24 * 60, "De 1 a 1440 minutos."),
    tamanhoMaximo: inteiro(2, 50, "De 2 a 50 leads."),
    silencio: z.enum(["respeitar", "urgente_pode_quebrar"], { error: "Escolha uma opção." }),
    pausa: z.enum(PAUSAS, { error: "Escolha uma opção." }).default("manter"),
    /** With `pausa: "ate"`: the end of the pause (already read in the agency's time zone). */
    pausaAte: z.date({ error: "Data e hora inválidas." }).nullish(),
    ativo: z.boolean().optional(),
    /** The broker's share of the roleta (agency settings): 0 = out of the roleta. */
    pesoRoleta: inteiro(0, 10, "De 0 a 10.").optional(),
  })
  .refine((a) => a.inicio < a.fim, { path: ["fim"], message: "O fim do expediente deve ser depois do início." })
  .refine((a) => a.pausa !== "ate" || a.pausaAte, { path: ["pausaAte"], message: "Informe até quando." });
export type AjustesCorretor = z.input<typeof ajustesCorretorSchema>;

export type AjustesActor = { scope: Scope; usuarioId: string };

export type AjustesResult =
  | { kind: "feito"; corretor: Corretor; campos: string[] }
  | { kind: "nao_encontrado" }
  /** A broker sent a field only managers set; the message names it. */
  | { kind: "sem_permissao"; erros: Record<string, string> }
  | { kind: "invalido"; erros: Record<string, string> };

const DIA_MS = 24 * 60 * 60 * 1000;

function pausadoAte(atual: string | null, pausa: Pausa, ate: Date | null | undefined, now: Date): string | null {
  if (pausa === "manter") return atual;
  if (pausa === "nenhuma") return null;
  if (pausa === "1d") return new Date(now.getTime() + DIA_MS).toISOString();
  if (pausa === "1s") return new Date(now.getTime() + 7 * DIA_MS).toISOString();
  return ate!.toISOString();
}

// Audit values are scalars with no personal data: numbers, hours, day numbers, an instant.
const resumo = (p: Preferencias, ativo: boolean) => ({
  limiteDiario: p.limiteDiario,
  horario: `${p.horario.inicio}-${p.horario.fim}`,
  dias: p.dias.join(","),
  agrupamento: `${p.agrupamento.janelaMinutos}min/${p.agrupamento.tamanhoMaximo}`,
  silencio: p.silencio,
  pausadoAte: p.pausadoAte,
  ativo,
});

export async function updateCorretorPreferencias(
  db: Db,
  actor: AjustesActor,
  input: AjustesCorretor,
  now: Date,
): Promise<AjustesResult> {
  const { scope } = actor;
  const gestao = scope.corretorId === null;
  // Scope before validation: another broker's id answers the same 404 whatever the form holds.
  if (!gestao && input.corretorId !== scope.corretorId) return { kind: "nao_encontrado" };
  if (!gestao) {
    const erros: Record<string, string> = {};
    if (input.limiteDiario !== undefined) erros.limiteDiario = "Só gestores e administradores mudam o limite diário.";
    if (input.ativo !== undefined) erros.ativo = "Só gestores e administradores ativam ou desativam corretores.";
    if (input.pesoRoleta !== undefined) erros.pesoRoleta = "Só gestores e administradores mudam o peso na roleta.";
    if (Object.keys(erros).length > 0) return { kind: "sem_permissao", erros };
  }
  const parsed = ajustesCorretorSchema.safeParse(input);
  if (!parsed.success) {
    const erros: Record<string, string> = {};
    for (const issue of parsed.error.issues) erros[String(issue.path[0] ?? "form")] ??= issue.message;
    return { kind: "invalido", erros };
  }
  const a = parsed.data;
  if (a.pausa === "ate" && a.pausaAte && a.pausaAte <= now) {
    return { kind: "invalido", erros: { pausaAte: "Escolha um momento no futuro." } };
  }

  const result = await db.transaction(async (tx) => {
    const atual = await lockCorretorForUpdate(tx, scope.imobiliariaId, a.corretorId);
    if (!atual) return { kind: "nao_encontrado" } as const;
    const antes = atual.preferencias;
    const preferencias: Preferencias = {
      limiteDiario: a.limiteDiario ?? antes.limiteDiario,
      horario: { inicio: a.inicio, fim: a.fim },
      dias: [...new Set(a.dias)].sort((x, y) => x - y),
      agrupamento: { janelaMinutos: a.janelaMinutos, tamanhoMaximo: a.tamanhoMaximo },
      silencio: a.silencio,
      pausadoAte: pausadoAte(antes.pausadoAte, a.pausa, a.pausaAte, now),
    };
    const ativoAntes = atual.ativo !== false;
    const ativo = a.ativo ?? ativoAntes;
    type Valores = Record<string, string | number | boolean | null>;
    const de: Valores = resumo(antes, ativoAntes);
    const para: Valores = resumo(preferencias, ativo);
    if (a.pesoRoleta !== undefined) {
      de.pesoRoleta = await setPesoRoleta(tx, scope.imobiliariaId, atual.id, a.pesoRoleta);
      para.pesoRoleta = a.pesoRoleta;
    }
    const campos = Object.keys(para).filter((k) => de[k] !== para[k]);
    if (campos.length === 0) return { kind: "feito", corretor: atual, campos } as const;
    const corretor = await setCorretorAjustes(tx, scope.imobiliariaId, atual.id, { preferencias, ativo });
    const detalhes: Valores = { campos: campos.join(",") };
    for (const k of campos) {
      detalhes[`${k}.antes`] = de[k] ?? null;
      detalhes[`${k}.depois`] = para[k] ?? null;
    }
    await insertAuditoria(tx, {
      imobiliariaId: scope.imobiliariaId,
      usuarioId: actor.usuarioId,
      acao: "corretor.preferencias",
      alvoTipo: "corretor",
      alvoId: atual.id,
      detalhes,
    });
    return { kind: "feito", corretor: corretor!, campos } as const;
  });
  // The roleta reads the agency through a short in-process memo: the next lead here must see the weight.
  if (result.kind === "feito" && result.campos.includes("pesoRoleta")) forgetImobiliariasRecentes(db);
  return result;
}
