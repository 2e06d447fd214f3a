// `npm run db:migrate`: applies the migrations in ./drizzle to the database chosen by the env
// (PGlite in DATA_DIR, or DATABASE_URL through pg or Neon).
import { formatError } from "./lib/format-error";
import { loadProjectEnv } from "./lib/load-env";

function describeTarget(driver: string, url: string | undefined, pgliteDir: string): string {
  if (driver === "pglite") return `PGlite em ${pgliteDir}`;
  try {
    const u = new URL(url ?? "");
    return `${driver} em ${u.host}${u.pathname}`; // host and database only: never the password
  } catch {
    return driver;
  }
}

async function main(): Promise<void> {
  loadProjectEnv({ dev: process.env.NODE_ENV !== "production" });
  // Imported after the .env files are loaded, and so a bad env ends in the message below.
  const { env } = await import("@/lib/env");
  const { log } = await import("@/lib/log");
  const { createDb } = await import("@/lib/db/client");
  const { migrateDb } = await import("@/lib/db/migrate");
  const { driver, url, pgliteDir } = env.database;
  const target = describeTarget(driver, url, pgliteDir);

  process.stdout.write(`▸ Aplicando migrações (${target})…\n`);
  const handle = await createDb({ driver, url, pgliteDir });
  try {
    await migrateDb(handle);
  } finally {
    await handle.close();
  }
  log.info("db.migrated", { driver });
  process.stdout.write(`▸ Migrações aplicadas (${target}).\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`\n✖ Falha ao aplicar as migrações: ${formatError(err)}\n`);
  process.exitCode = 1;
});
