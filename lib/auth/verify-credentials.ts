// The password check behind the login form. Every failure looks the same to the caller (null), and
// an unknown e-mail still costs one bcrypt comparison, so neither the answer nor its timing tells
// whether an e-mail has an account.
import bcrypt from "bcryptjs";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { getUsuarioByEmailWithHash, recordUsuarioLogin } from "@/lib/db/queries/usuarios";
import { sessionUserOf, type SessionUser } from "./session-user";

// The hash of a random, forgotten password, with the cost the real hashes use.
const DUMMY_HASH = "$2b$10$H.WYJhNBNzXeiIonC4AyUOsz1BDetyE3txjCnX6BKwIEMpH9aL28K";

export const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().min(3).max(200),
  // bcrypt reads only the first 72 bytes; a longer "password" is refused rather than truncated.
  senha: z.string().min(1).max(72),
});

export type LoginResult = SessionUser & { nome: string; email: string };

export async function verifyCredentials(db: Db, input: unknown, now: Date): Promise<LoginResult | null> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return null;
  const { email, senha } = parsed.data;
  const usuario = await getUsuarioByEmailWithHash(db, email);
  const matches = await bcrypt.compare(senha, usuario?.senhaHash ?? DUMMY_HASH);
  if (!usuario || !matches) return null;
  const user = sessionUserOf(usuario);
  if (!user) return null;
  await recordUsuarioLogin(db, usuario.id, now);
  return user;
}
