// What a session carries: who is logged in, with which role, in which agency and (for a broker
// login) as which broker. Parsed with zod wherever it is read back from the JWT.
import { z } from "zod";
import { PAPEIS } from "@/lib/db/schema";

export const sessionUserSchema = z.object({
  userId: z.string().min(1),
  papel: z.enum(PAPEIS),
  imobiliariaId: z.string().min(1),
  corretorId: z.string().min(1).nullable(),
});

export type SessionUser = z.infer<typeof sessionUserSchema>;

/**
 * The `usuarios.sessao_versao` the cookie was issued under. A cookie whose version is not the row's
 * (signed out, deactivated, new password) opens nothing; a cookie without one predates it: also out.
 */
export function readSessionVersion(value: unknown): number | null {
  const parsed = z.object({ sessaoVersao: z.number().int() }).safeParse(value);
  return parsed.success ? parsed.data.sessaoVersao : null;
}

/** The session user of a JWT (or a session object), or null when it does not have that shape. */
export function readSessionUser(value: unknown): SessionUser | null {
  const parsed = sessionUserSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

type UsuarioRow = {
  id: string;
  papel: SessionUser["papel"];
  imobiliariaId: string;
  corretorId: string | null;
  nome: string;
  email: string;
  ativo: boolean;
};

/**
 * Who a `usuarios` row may act as, or null: an inactive login, or a broker login that is not tied
 * to its broker row (its scope would be undefined). Login and every request use this same rule.
 */
export function sessionUserOf(usuario: UsuarioRow): (SessionUser & { nome: string; email: string }) | null {
  if (!usuario.ativo) return null;
  if (usuario.papel === "corretor" && !usuario.corretorId) return null;
  return {
    userId: usuario.id,
    papel: usuario.papel,
    imobiliariaId: usuario.imobiliariaId,
    corretorId: usuario.corretorId ?? null,
    nome: usuario.nome,
    email: usuario.email,
  };
}
