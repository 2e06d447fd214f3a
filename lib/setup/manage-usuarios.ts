// An admin's work on the agency's logins (/configuracoes/usuarios): create one, reset its password,
// deactivate or reactivate it. Each change and its `auditoria` row (ids and role only: never an
// e-mail or a password) commit together. A new or reset password is temporary (lib/auth/senha-provisoria.ts)
// and returned once, to be shown once.
import { z } from "zod";
import { hashPassword } from "@/lib/auth/password";
import { newSenhaProvisoria, senhaProvisoriaAte } from "@/lib/auth/senha-provisoria";
import type { Db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { insertAuditoria } from "@/lib/db/queries/auditoria";
import { getCorretorById } from "@/lib/db/queries/corretores";
import {
  getUsuarioByEmailWithHash,
  insertUsuario,
  lockUsuarioForUpdate,
  setUsuarioAtivo,
  setUsuarioPapel,
  setUsuarioSenha,
} from "@/lib/db/queries/usuarios";
import { PAPEIS } from "@/lib/db/schema";

export const ACAO_USUARIO_CRIADO = "usuario.criado";
export const ACAO_SENHA_REDEFINIDA = "usuario.senha_redefinida";
export const ACAO_USUARIO_ATIVO = "usuario.ativo";
export const ACAO_USUARIO_PAPEL = "usuario.papel";

/** The admin acting, in their agency. */
export type UsuarioAdmin = { imobiliariaId: string; usuarioId: string };

export const novoLoginSchema = z
  .object({
    nome: z.string().trim().min(1, "Informe o nome.").max(200, "No máximo 200 caracteres."),
    email: z.string().trim().toLowerCase().pipe(z.email("E-mail inválido.").max(200, "No máximo 200 caracteres.")),
    papel: z.enum(PAPEIS, { error: "Escolha um papel." }),
    corretorId: z.string().trim().max(50).optional(),
  })
  .refine((l) => l.papel !== "corretor" || Boolean(l.corretorId), {
    path: ["corretorId"],
    message: "Escolha o corretor deste login.",
  });
export type NovoLogin = z.input<typeof novoLoginSchema>;

export type SenhaMostrada = { usuarioId: string; senhaProvisoria: string };

export type CriarLoginResult =
  ({ kind: "feito" } & SenhaMostrada) | { kind: "invalido"; erros: Record<string, string> };

const JA_TEM_LOGIN = "Este corretor já tem um login.";
const EMAIL_EM_USO = "Este e-mail já tem um login.";

export async function createLogin(db: Db, admin: UsuarioAdmin, input: NovoLogin, now: Date): Promise<CriarLoginResult> {
  const parsed = novoLoginSchema.safeParse(input);
  if (!parsed.success) {
    const erros: Record<string, string> = {};
    for (const issue of parsed.error.issues) erros[String(issue.path[0] ?? "form")] ??= issue.message;
    return { kind: "invalido", erros };
  }
  const l = parsed.data;
  const corretorId = l.papel === "corretor" ? l.corretorId! : null;
  // Another agency's broker is the same "not found" as a missing one.
  if (corretorId && !(await getCorretorById(db, admin.imobiliariaId, corretorId)))
    return { kind: "invalido", erros: { corretorId: "Corretor não encontrado." } };
  // E-mails are unique across agencies (the login form has no agency field); saying so tells an admin
  // only that some login uses it, which they must learn to pick another.
  if (await getUsuarioByEmailWithHash(db, l.email)) return { kind: "invalido", erros: { email: EMAIL_EM_USO } };

  const senhaProvisoria = newSenhaProvisoria();
  const senhaHash = await hashPassword(senhaProvisoria);
  try {
    const usuario = await db.transaction(async (tx) => {
      const row = await insertUsuario(tx, {
        nome: l.nome,
        email: l.email,
        papel: l.papel,
        imobiliariaId: admin.imobiliariaId,
        corretorId,
        senhaHash,
        senhaProvisoriaAte: senhaProvisoriaAte(now),
      });
      await insertAuditoria(tx, {
        imobiliariaId: admin.imobiliariaId,
        usuarioId: admin.usuarioId,
        acao: ACAO_USUARIO_CRIADO,
        alvoTipo: "usuario",
        alvoId: row.id,
        detalhes: { papel: row.papel, corretorId },
      });
      return row;
    });
    return { kind: "feito", usuarioId: usuario.id, senhaProvisoria };
  } catch (err) {
    // Another admin took the e-mail or the broker between our check and our insert.
    if (isUniqueViolation(err, "usuarios_corretor_id_unique"))
      return { kind: "invalido", erros: { corretorId: JA_TEM_LOGIN } };
    if (isUniqueViolation(err)) return { kind: "invalido", erros: { email: EMAIL_EM_USO } };
    throw err;
  }
}

/** A fresh temporary password for the login (every session it had ends); null outside the agency. */
export async function resetSenha(
  db: Db,
  admin: UsuarioAdmin,
  usuarioId: string,
  now: Date,
): Promise<SenhaMostrada | null> {
  const senhaProvisoria = newSenhaProvisoria();
  const senhaHash = await hashPassword(senhaProvisoria);
  const row = await db.transaction(async (tx) => {
    const done = await setUsuarioSenha(tx, admin.imobiliariaId, usuarioId, {
      senhaHash,
      provisoriaAte: senhaProvisoriaAte(now),
    });
    if (!done) return null;
    await insertAuditoria(tx, {
      imobiliariaId: admin.imobiliariaId,
      usuarioId: admin.usuarioId,
      acao: ACAO_SENHA_REDEFINIDA,
      alvoTipo: "usuario",
      alvoId: done.id,
      detalhes: { papel: done.papel },
    });
    return done;
  });
  return row ? { usuarioId: row.id, senhaProvisoria } : null;
}

/** What changing a login's active flag or role answers. */
export type AtivoResult =
  { kind: "feito"; mudou: boolean } | { kind: "nao_encontrado" } | { kind: "recusado"; mensagem: string };

/**
 * Deactivates (ending every session at once) or reactivates a login. An admin never deactivates
 * themselves: the agency always keeps the admin who is acting, so it never loses its last one.
 */
export async function setLoginAtivo(
  db: Db,
  admin: UsuarioAdmin,
  usuarioId: string,
  ativo: boolean,
): Promise<AtivoResult> {
  if (!ativo && usuarioId === admin.usuarioId)
    return { kind: "recusado", mensagem: "Você não pode desativar o próprio login." };
  return db.transaction(async (tx) => {
    const atual = await lockUsuarioForUpdate(tx, admin.imobiliariaId, usuarioId);
    if (!atual) return { kind: "nao_encontrado" } as const;
    if (atual.ativo === ativo) return { kind: "feito", mudou: false } as const;
    await setUsuarioAtivo(tx, admin.imobiliariaId, usuarioId, ativo);
    await insertAuditoria(tx, {
      imobiliariaId: admin.imobiliariaId,
      usuarioId: admin.usuarioId,
      acao: ACAO_USUARIO_ATIVO,
      alvoTipo: "usuario",
      alvoId: atual.id,
      detalhes: { papel: atual.papel, antes: atual.ativo, depois: ativo },
    });
    return { kind: "feito", mudou: true } as const;
  });
}

/**
 * Moves a login between admin and gestor. A broker login keeps its role (it is tied to its broker:
 * deactivate it and create another), and an admin never demotes themselves, so the agency keeps its admin.
 */
export async function setLoginPapel(
  db: Db,
  admin: UsuarioAdmin,
  usuarioId: string,
  papel: "admin" | "gestor",
): Promise<AtivoResult> {
  if (usuarioId === admin.usuarioId) return { kind: "recusado", mensagem: "Você não pode mudar o próprio papel." };
  return db.transaction(async (tx) => {
    const atual = await lockUsuarioForUpdate(tx, admin.imobiliariaId, usuarioId);
    if (!atual) return { kind: "nao_encontrado" } as const;
    if (atual.papel === "corretor")
      return {
        kind: "recusado",
        mensagem: "Um login de corretor fica ligado ao corretor: desative-o e crie outro login.",
      } as const;
    if (atual.papel === papel) return { kind: "feito", mudou: false } as const;
    await setUsuarioPapel(tx, admin.imobiliariaId, usuarioId, papel);
    await insertAuditoria(tx, {
      imobiliariaId: admin.imobiliariaId,
      usuarioId: admin.usuarioId,
      acao: ACAO_USUARIO_PAPEL,
      alvoTipo: "usuario",
      alvoId: atual.id,
      detalhes: { campo: "papel", antes: atual.papel, depois: papel },
    });
    return { kind: "feito", mudou: true } as const;
  });
}
