// What the login form sends, as the password check reads it (lib/auth/login-attempt.ts).
import { z } from "zod";
import type { SessionUser } from "./session-user";

export const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().min(3).max(200),
  // bcrypt reads only the first 72 bytes; a longer "password" is refused rather than truncated.
  senha: z.string().min(1).max(72),
});

/** Who logged in, and the session version their cookie will carry (lib/auth/session-user.ts). */
export type LoginResult = SessionUser & { nome: string; email: string; sessaoVersao: number };
