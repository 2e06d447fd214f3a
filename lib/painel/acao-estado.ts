// What a dashboard form's server action answers (React's useActionState): a message for the whole
// form and, for a refused input, one pt-BR message per field, shown beside it.
import type { z } from "zod";

export type AcaoEstado = { ok: boolean; mensagem?: string; erros?: Record<string, string> };

export const ESTADO_INICIAL: AcaoEstado = { ok: false };

/** The first message of each failing field, keyed by its top-level name. */
export function formErrors(error: z.ZodError): Record<string, string> {
  const erros: Record<string, string> = {};
  for (const issue of error.issues) {
    const campo = String(issue.path[0] ?? "form");
    erros[campo] ??= issue.message;
  }
  return erros;
}
