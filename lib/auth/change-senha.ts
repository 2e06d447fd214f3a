// "Minha conta": a login changes its own password, proving the current one first (a session left
// open on a shared computer must not be enough to lock its owner out). The new password ends every
// session opened before, this one included: the caller signs this browser in again with it.
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { insertAuditoria } from "@/lib/db/queries/auditoria";
import { lockUsuarioForUpdate, setUsuarioSenha } from "@/lib/db/queries/usuarios";
import { hashPassword, type PasswordChecker } from "./password";
import { senhaSchema } from "./senha-regras";

export const ACAO_SENHA_TROCADA = "usuario.senha_trocada";

export const trocaSenhaSchema = z
  .object({
    atual: z.string().min(1, "Informe a senha atual.").max(72, "Senha atual incorreta."),
    nova: senhaSchema("Use "),
    confirmacao: z.string(),
  })
  .refine((t) => t.nova === t.confirmacao, { path: ["confirmacao"], message: "As duas senhas não são iguais." })
  .refine((t) => t.nova !== t.atual, { path: ["nova"], message: "Escolha uma senha diferente da atual." });
export type TrocaSenha = z.input<typeof trocaSenhaSchema>;

export type TrocaSenhaResult = { kind: "feito" } | { kind: "invalido"; erros: Record<string, string> };

export async function changeOwnSenha(
  db: Db,
  quem: { imobiliariaId: string; usuarioId: string },
  input: TrocaSenha,
  password: PasswordChecker,
): Promise<TrocaSenhaResult> {
  const parsed = trocaSenhaSchema.safeParse(input);
  if (!parsed.success) {
    const erros: Record<string, string> = {};
    for (const issue of parsed.error.issues) erros[String(issue.path[0] ?? "form")] ??= issue.message;
    return { kind: "invalido", erros };
  }
  const { atual, nova } = parsed.data;
  // Hashed before the transaction: bcrypt's ~80 ms should not hold the row lock.
  const senhaHash = await hashPassword(nova);
  return db.transaction(async (tx) => {
    const usuario = await lockUsuarioForUpdate(tx, quem.imobiliariaId, quem.usuarioId);
    if (!usuario || !(await password.compare(atual, usuario.senhaHash)))
      return { kind: "invalido", erros: { atual: "Senha atual incorreta." } } as const;
    await setUsuarioSenha(tx, quem.imobiliariaId, usuario.id, { senhaHash, provisoriaAte: null });
    await insertAuditoria(tx, {
      imobiliariaId: quem.imobiliariaId,
      usuarioId: quem.usuarioId,
      acao: ACAO_SENHA_TROCADA,
      alvoTipo: "usuario",
      alvoId: usuario.id,
      detalhes: { eraProvisoria: usuario.senhaProvisoriaAte !== null },
    });
    return { kind: "feito" } as const;
  });
}
