// Brings the env's database up to date for `npm start` and `npm run dev`: migrations, then the
// demo agency when the database is empty and the demo is wanted (decideDemoSeed). The handle is
// closed at the end because PGlite allows one process per data dir, and the server started next needs it.
import { createDb, type DbHandle } from "@/lib/db/client";
import { migrateDb } from "@/lib/db/migrate";
import { countOverview, type Overview } from "@/lib/db/queries/stats";
import { hasAnyAgency, seedDemoIfEmpty, type SeedOptions } from "@/scripts/demo/seed";
import { env, type Env } from "@/lib/env";

/** `setupNeeded`: no agency at all and no demo, so nobody can log in before `npm run setup`. */
export type PreparedDatabase = { seeded: boolean; setupNeeded: boolean; counts: Overview };

/**
 * The demo (with logins whose passwords are in the README) only where nobody can mistake it for a
 * real install: the zero-config embedded database, or when DEMO=true says so. DEMO=false wins too.
 */
export function decideDemoSeed(e: Pick<Env, "database" | "demo">): boolean {
  return e.demo ?? e.database.driver === "pglite";
}

/** What to do on an empty database without the demo, in pt-BR lines. */
export function setupInstructions(): string[] {
  return [
    "O banco não tem nenhuma imobiliária (a demonstração só é criada no banco embutido ou com DEMO=true).",
    "Para criar a sua imobiliária, o primeiro administrador e as credenciais dos portais:",
    "  npm run setup",
    '  (ou sem perguntas: npm run setup -- --imobiliaria "Nome" --slug nome --admin-email voce@exemplo.com.br --admin-senha "…" --portais grupo-olx,generico)',
    "Para ver a demonstração neste banco: DEMO=true npm start",
  ];
}

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
    return await prepareHandle(handle, { demo: decideDemoSeed(env) });
  } finally {
    await handle.close();
  }
}

/** Migrations, then the demo when wanted and the database has no agency. */
export async function prepareHandle(
  handle: DbHandle,
  opts: { demo: boolean; seed?: SeedOptions },
): Promise<PreparedDatabase> {
  await migrateDb(handle);
  const seeded = opts.demo ? await seedDemoIfEmpty(handle, opts.seed) : false;
  const setupNeeded = !seeded && !(await hasAnyAgency(handle.db));
  return { seeded, setupNeeded, counts: await countOverview(handle.db) };
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
