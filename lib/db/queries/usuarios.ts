// Dashboard logins. E-mails are stored and looked up lower-cased; the password hash never leaves
// lib/auth (callers outside it read `UsuarioPublico`).
import { and, asc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { z } from "zod";
import { newId } from "@/lib/ids";
import type { Db } from "../client";
import { corretores, PAPEIS, usuarios } from "../schema";
import { emailSchema, idSchema, nomeSchema, telefoneSchema } from "./columns";

export type Usuario = typeof usuarios.$inferSelect;
export type UsuarioPublico = Omit<Usuario, "senhaHash">;

const bcryptHashSchema = z.string().regex(/^\$2[aby]\$\d{2}\$.{53}$/, "senhaHash deve ser um hash bcrypt");

const novoUsuarioSchema = z
  .object({
    id: idSchema.optional(),
    email: emailSchema,
    nome: nomeSchema,
    senhaHash: bcryptHashSchema,
    papel: z.enum(PAPEIS),
    imobiliariaId: idSchema,
    corretorId: idSchema.nullish(),
    ativo: z.boolean().optional(),
    senhaProvisoriaAte: z.date().nullish(),
  })
  // A broker login without its broker row would see nobody's messages, or worse, everybody's.
  .refine((u) => u.papel !== "corretor" || Boolean(u.corretorId), {
    message: "corretorId é obrigatório para o papel corretor",
    path: ["corretorId"],
  });
export type NovoUsuario = z.input<typeof novoUsuarioSchema>;

function withoutHash({ senhaHash: _senhaHash, ...rest }: Usuario): UsuarioPublico {
  return rest;
}

export async function insertUsuario(db: Db, input: NovoUsuario): Promise<UsuarioPublico> {
  const data = novoUsuarioSchema.parse(input);
  const [row] = await db
    .insert(usuarios)
    .values({ ...data, id: data.id ?? newId("usr"), corretorId: data.corretorId ?? null })
    .returning();
  return withoutHash(row!);
}

/** With the hash, for the password check only. A malformed e-mail is simply nobody (no throw). */
export async function getUsuarioByEmailWithHash(db: Db, email: string): Promise<Usuario | null> {
  const parsed = emailSchema.safeParse(email);
  if (!parsed.success) return null;
  const [row] = await db.select().from(usuarios).where(eq(usuarios.email, parsed.data));
  return row ?? null;
}

export async function getUsuarioById(db: Db, id: string): Promise<UsuarioPublico | null> {
  const parsed = idSchema.safeParse(id);
  if (!parsed.success) return null;
  const [row] = await db.select().from(usuarios).where(eq(usuarios.id, parsed.data));
  return row ? withoutHash(row) : null;
}

/** Stamps `ultimo_login_em` after a successful login. */
export async function recordUsuarioLogin(db: Db, id: string, at: Date): Promise<void> {
  await db
    .update(usuarios)
    .set({ ultimoLoginEm: at })
    .where(eq(usuarios.id, idSchema.parse(id)));
}

// Every cookie carries the version it was issued under (lib/auth/authorize.ts): one more ends them all.
// Sign-out, deactivation and every password change bump it.
const nextSessaoVersao = sql`${usuarios.sessaoVersao} + 1`;

/** Ends every session of the login (sign-out): cookies issued before open nothing. */
export async function endUsuarioSessions(db: Db, id: string): Promise<void> {
  await db
    .update(usuarios)
    .set({ sessaoVersao: nextSessaoVersao })
    .where(eq(usuarios.id, idSchema.parse(id)));
}

const daImobiliaria = (imobiliariaId: string, id: string) =>
  and(eq(usuarios.imobiliariaId, idSchema.parse(imobiliariaId)), eq(usuarios.id, idSchema.parse(id)));

export type UsuarioListado = UsuarioPublico & { corretorNome: string | null };

/** The agency's logins with their broker's name, by name. */
export async function listUsuarios(db: Db, imobiliariaId: string): Promise<UsuarioListado[]> {
  const rows = await db
    .select({ usuario: usuarios, corretorNome: corretores.nome })
    .from(usuarios)
    .leftJoin(corretores, eq(corretores.id, usuarios.corretorId))
    .where(eq(usuarios.imobiliariaId, idSchema.parse(imobiliariaId)))
    .orderBy(asc(usuarios.nome), asc(usuarios.id));
  return rows.map((r) => ({ ...withoutHash(r.usuario), corretorNome: r.corretorNome }));
}

/** The login row locked until the transaction ends (with its hash, for a password check), or null outside the agency. */
export async function lockUsuarioForUpdate(db: Db, imobiliariaId: string, id: string): Promise<Usuario | null> {
  const [row] = await db.select().from(usuarios).where(daImobiliaria(imobiliariaId, id)).for("update");
  return row ?? null;
}

/**
 * Stores a new password hash and ends every session opened before. `provisoriaAte`: the password is
 * a temporary one (an admin's reset), to be changed at the next login and refused after that instant.
 */
export async function setUsuarioSenha(
  db: Db,
  imobiliariaId: string,
  id: string,
  senha: { senhaHash: string; provisoriaAte: Date | null },
): Promise<UsuarioPublico | null> {
  const [row] = await db
    .update(usuarios)
    .set({
      senhaHash: bcryptHashSchema.parse(senha.senhaHash),
      senhaProvisoriaAte: senha.provisoriaAte,
      sessaoVersao: nextSessaoVersao,
    })
    .where(daImobiliaria(imobiliariaId, id))
    .returning();
  return row ? withoutHash(row) : null;
}

/** Activates or deactivates a login; deactivating also ends its sessions. Null outside the agency. */
export async function setUsuarioAtivo(
  db: Db,
  imobiliariaId: string,
  id: string,
  ativo: boolean,
): Promise<UsuarioPublico | null> {
  const [row] = await db
    .update(usuarios)
    .set(ativo ? { ativo } : { ativo, sessaoVersao: nextSessaoVersao })
    .where(daImobiliaria(imobiliariaId, id))
    .returning();
  return row ? withoutHash(row) : null;
}

/** Changes a login's role (admin ↔ gestor; a broker login is tied to its broker). Null outside the agency. */
export async function setUsuarioPapel(
  db: Db,
  imobiliariaId: string,
  id: string,
  papel: "admin" | "gestor",
): Promise<UsuarioPublico | null> {
  const [row] = await db
    .update(usuarios)
    .set({ papel: z.enum(["admin", "gestor"]).parse(papel) })
    .where(daImobiliaria(imobiliariaId, id))
    .returning();
  return row ? withoutHash(row) : null;
}

/**
 * Sets (or clears, with null) the login's own WhatsApp number, already normalised to E.164 by the
 * caller (lib/phone/whatsapp-number.ts). Null outside the agency.
 */
export async function setUsuarioWhatsapp(
  db: Db,
  imobiliariaId: string,
  id: string,
  whatsapp: string | null,
): Promise<UsuarioPublico | null> {
  const [row] = await db
    .update(usuarios)
    .set({ whatsapp: whatsapp === null ? null : telefoneSchema.parse(whatsapp) })
    .where(daImobiliaria(imobiliariaId, id))
    .returning();
  return row ? withoutHash(row) : null;
}

export type GestorComWhatsapp = Pick<Usuario, "id" | "nome" | "papel"> & { whatsapp: string };

/**
 * The agency's active management logins (admin and gestor) that gave a WhatsApp number: who the SLA
 * escalation and the manager's summaries reach. By name.
 */
export async function listGestoresComWhatsapp(db: Db, imobiliariaId: string): Promise<GestorComWhatsapp[]> {
  const rows = await db
    .select({ id: usuarios.id, nome: usuarios.nome, papel: usuarios.papel, whatsapp: usuarios.whatsapp })
    .from(usuarios)
    .where(
      and(
        eq(usuarios.imobiliariaId, idSchema.parse(imobiliariaId)),
        eq(usuarios.ativo, true),
        inArray(usuarios.papel, ["admin", "gestor"]),
        isNotNull(usuarios.whatsapp),
      ),
    )
    .orderBy(asc(usuarios.nome), asc(usuarios.id));
  return rows.flatMap((r) => (r.whatsapp ? [{ ...r, whatsapp: r.whatsapp }] : []));
}
