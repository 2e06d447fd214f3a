// Brings the env's database up to date for `npm start` and `npm run dev`: migrations, then the
// demo agency when the database is empty. The handle is closed at the end because PGlite allows
// one process per data dir, and the server started next needs it.
import { createDb } from "@/lib/db/client";
import { migrateDb } from "@/lib/db/migrate";
import { countOverview, type Overview } from "@/lib/db/queries/stats";
import { seedDemoIfEmpty } from "@/lib/demo/seed";
import { env } from "@/lib/env";

export type PreparedDatabase = { seeded: boolean; counts: Overview };

/** Where the data lives, for progress lines: host and database only, never the password. */
export function describeDatabase(): string {
  const { driver, url, pgliteDir } = env.database;
  if (driver === "pglite") return `PGlite em ${pgliteDir}`;
  try {
    const u = new URL(url ?? "");
    return `${driver} em ${u.host}${u.pathname}`;
  } catch {
    return driver;
  }
}

export async function prepareDatabase(): Promise<PreparedDatabase> {
  const { driver, url, pgliteDir } = env.database;
  const handle = await createDb({ driver, url, pgliteDir });
  try {
    await migrateDb(handle);
    const seeded = await seedDemoIfEmpty(handle);
    return { seeded, counts: await countOverview(handle.db) };
  } finally {
    await handle.close();
  }
}

export function formatCounts(c: Overview): string {
  const n = new Intl.NumberFormat("pt-BR");
  return [
    `${n.format(c.corretores)} corretores`,
    `${n.format(c.imoveis)} imóveis`,
    `${n.format(c.leads)} leads`,
    `${n.format(c.eventos)} eventos`,
    `${n.format(c.mensagens)} mensagens`,
  ].join(", ");
}
