// Reads Postgres error details through drizzle's wrapper. drizzle 0.45 rethrows every driver error as
// DrizzleQueryError ("Failed query: …", with the params); SQLSTATE and constraint sit on its `cause`.

export type PgErrorInfo = { code: string; constraint?: string };

/** The SQLSTATE (and constraint, when there is one) of a Postgres error, from pg, Neon or PGlite. */
export function pgErrorOf(err: unknown): PgErrorInfo | null {
  for (let e: unknown = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const { code, constraint } = e as Error & { code?: unknown; constraint?: unknown };
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) {
      return { code, constraint: typeof constraint === "string" ? constraint : undefined };
    }
  }
  return null;
}

/** True for a unique violation (23505), optionally only on the named constraint or unique index. */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const info = pgErrorOf(err);
  return info?.code === "23505" && (constraint === undefined || info.constraint === constraint);
}
