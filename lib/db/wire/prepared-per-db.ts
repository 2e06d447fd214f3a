// A drizzle prepared query kept per database handle: drizzle builds and renders its SQL once, and
// each run only fills in the placeholders. For statements that run for every lead, where building
// the query costs our process more than running it costs Postgres.
import type { Db } from "../client";

/** `build` runs once per handle (a pool, PGlite, a test's database); its prepared query is reused. */
export function preparedPerDb<P>(build: (db: Db) => P): (db: Db) => P {
  const byDb = new WeakMap<Db, P>();
  return (db) => {
    let prepared = byDb.get(db);
    if (prepared === undefined) byDb.set(db, (prepared = build(db)));
    return prepared;
  };
}

/**
 * The name to prepare with: none of its own. On node-postgres nameStatementsOf (named-statements.ts)
 * names it after its text, as every other statement; the other drivers run it as they run the rest.
 */
export const UNNAMED = "";
