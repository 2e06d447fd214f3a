// Raw SQL for query modules that need it. `db.execute` returns each driver's own result type
// (pg's QueryResult, PGlite's Results, Neon's); all three carry the rows in `rows`.
import type { SQL } from "drizzle-orm";
import type { Db } from "./client";

export async function executeRows<T extends Record<string, unknown>>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows?: unknown };
  if (!Array.isArray(result.rows)) throw new Error("executeRows: o driver não devolveu `rows`");
  return result.rows as T[];
}
