// The one rule for a password anyone chooses: `npm run setup`'s first admin, a new password on
// "Minha conta". bcrypt reads only the first 72 bytes (and the login form refuses more).
import { z } from "zod";

export const SENHA_MINIMO = 10;

/** `prefixo` names the field in a message that has no field beside it (the setup's "senha do administrador: "). */
export function senhaSchema(prefixo = "") {
  return z
    .string()
    .min(SENHA_MINIMO, `${prefixo}pelo menos ${SENHA_MINIMO} caracteres`)
    .refine((s) => Buffer.byteLength(s, "utf8") <= 72, `${prefixo}no máximo 72 bytes`);
}
