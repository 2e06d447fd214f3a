/** A script's failure for a person: the message, plus the cause drivers often wrap the real error in. */
export function formatError(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  // lib/env already wrote the list of bad variables to stderr; repeating it only adds noise.
  if (err.name === "EnvError") return "configuração inválida (detalhes acima)";
  return err.cause instanceof Error ? `${err.message}\n  causa: ${err.cause.message}` : err.message;
}
