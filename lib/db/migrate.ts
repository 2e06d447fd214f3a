// Applies the drizzle-kit migrations in ./drizzle with the migrator of the handle's driver.
import path from "node:path";
import type { NeonDatabase } from "drizzle-orm/neon-serverless";
import { migrate as migrateNeonDb } from "drizzle-orm/neon-serverless/migrator";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePgDb } from "drizzle-orm/node-postgres/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migratePgliteDb } from "drizzle-orm/pglite/migrator";
import type { Pool as PgPool } from "pg";
import type { DbHandle, Schema } from "./client";

const migrationsFolder = () => path.join(process.cwd(), "drizzle");

// Any constant works; advisory locks are per database, so parallel test databases never wait on each other.
const MIGRATION_LOCK_KEY = 7_301_962_451;

async function migratePglite(handle: DbHandle) {
  // createDb built this handle with drizzle-orm/pglite; `Db` only hides the driver-specific type.
  await migratePgliteDb(handle.db as PgliteDatabase<Schema>, { migrationsFolder: migrationsFolder() });
}

// Two processes starting together (app + worker, parallel deploys) would both try to create the
// migrations table and apply the same files; a session advisory lock lets one go first.
async function migratePostgres(handle: DbHandle) {
  // drizzle keeps the driver client on the database it builds; for this driver it is our pg Pool.
  const pool = (handle.db as unknown as { $client: PgPool }).$client;
  const conn = await pool.connect();
  let broken: Error | undefined;
  try {
    await conn.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    try {
      // Migrate on the locked connection itself, so the lock holds whatever the pool size.
      await migratePgDb(drizzlePg({ client: conn }), { migrationsFolder: migrationsFolder() });
    } finally {
      // If unlocking fails the connection is suspect: destroying it releases the lock too.
      await conn.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch((err: Error) => {
        broken = err;
      });
    }
  } finally {
    conn.release(broken);
  }
}

// No advisory lock on Neon: through its pooler (transaction mode) a session lock could stay held
// by a server connection we no longer own. Run Neon migrations from one place (the deploy step).
async function migrateNeon(handle: DbHandle) {
  await migrateNeonDb(handle.db as NeonDatabase<Schema>, { migrationsFolder: migrationsFolder() });
}

function runMigrations(handle: DbHandle): Promise<void> {
  if (handle.driver === "pglite") return migratePglite(handle);
  if (handle.driver === "postgres") return migratePostgres(handle);
  if (handle.driver === "neon") return migrateNeon(handle);
  return Promise.reject(new Error(`migrateDb: driver desconhecido ${String(handle.driver)}`));
}

// Calls on one database in this process wait for each other: drizzle's migrator reads what is applied
// before its transaction, so two at once on PGlite's single connection would both apply the same file.
const inProgress = new WeakMap<object, Promise<void>>();

/** Applies pending migrations; safe to call concurrently and repeatedly (a no-op when up to date). */
export async function migrateDb(handle: DbHandle): Promise<void> {
  const previous = inProgress.get(handle.db) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(() => runMigrations(handle));
  inProgress.set(handle.db, run);
  try {
    await run;
  } finally {
    if (inProgress.get(handle.db) === run) inProgress.delete(handle.db);
  }
}
