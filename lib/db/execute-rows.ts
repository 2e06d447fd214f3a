// Raw SQL for query modules that need it. `db.execute` returns each driver's own result type
// (pg's QueryResult, PGlite's Results, Neon's); all three carry the rows in `rows`.
import type { SQL } from "drizzle-orm";
import type { Db } from "./client";

export async function executeRows<T extends Record<string, unknown>>(db: Db, query: SQL): Promise<T[]> {
  return rowsOf<T>(await db.execute(query), "executeRows");
}

/**
 * SQL text already numbered $1…$n with its driver values (a compiled statement's, or several
 * composed): what `db.execute` runs once drizzle has rendered a query, without rendering again.
 */
export async function executeText<T extends Record<string, unknown>>(
  db: Db,
  text: string,
  params: unknown[],
): Promise<T[]> {
  return rowsOf<T>(
    await db._.session.prepareQuery({ sql: text, params }, undefined, undefined, false).execute(),
    "executeText",
  );
}

function rowsOf<T>(result: unknown, caller: string): T[] {
  const rows = (result as { rows?: unknown }).rows;
  if (!Array.isArray(rows)) throw new Error(`${caller}: o driver não devolveu \`rows\``);
  return rows as T[];
}
