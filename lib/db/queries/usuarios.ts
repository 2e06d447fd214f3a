// Dashboard logins. E-mails are stored and looked up lower-cased; the password hash never leaves
// lib/auth (callers outside it read `UsuarioPublico`).
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { newId } from "@/lib/ids";
import type { Db } from "../client";
import { PAPEIS, usuarios } from "../schema";
import { emailSchema, idSchema, nomeSchema } from "./columns";

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
// Deactivating a login or changing its password must bump it too (no screen does either yet; the
// auth tests do it through lib/db/testing/usuarios.ts).
const nextSessaoVersao = sql`${usuarios.sessaoVersao} + 1`;

/** Ends every session of the login (sign-out): cookies issued before open nothing. */
export async function endUsuarioSessions(db: Db, id: string): Promise<void> {
  await db
    .update(usuarios)
    .set({ sessaoVersao: nextSessaoVersao })
    .where(eq(usuarios.id, idSchema.parse(id)));
}
