// Test support only (never imported by app code): a fresh, migrated database per test file.
// With DATABASE_URL it is a new database on that server, because drizzle-kit's SQL names "public"
// and schemas cannot isolate parallel files; without it, an in-memory PGlite.
import { randomBytes } from "node:crypto";
import { Client } from "pg";
import { env } from "@/lib/env";
import { createDb, type DbHandle } from "./client";
import { migrateDb } from "./migrate";
import { discardPgliteSnapshot, readPgliteSnapshot, savePgliteSnapshot } from "./pglite-snapshot";

export type TestDb = DbHandle & {
  /** Closes the handle and, on a server, drops the database. Call it in `afterAll`. */
  cleanup(): Promise<void>;
  label: "pglite" | "postgres";
  /** The test database's URL on a server (to open a second connection or hand to a child process); null on PGlite. */
  url: string | null;
};

export type TestDbOptions = {
  /** false = an empty database, for tests of the migrations themselves. Default true. */
  migrate?: boolean;
};

const PREFIX = "lastro_t_";
// Databases a crashed run left behind are swept once they are this old; no test file runs that long.
const STALE_AFTER_MS = 60 * 60 * 1000;

function urlForDatabase(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withAdmin<T>(serverUrl: string, run: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

// Names are generated here (prefix, base-36 time, random hex), never taken from input, so quoting is enough.
const dropSql = (name: string) => `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`;

async function dropStaleDatabases(admin: Client, now: number): Promise<void> {
  const { rows } = await admin.query<{ datname: string }>("select datname from pg_database where datname like $1", [
    `${PREFIX}%`,
  ]);
  for (const { datname } of rows) {
    const createdAt = parseInt(datname.slice(PREFIX.length).split("_")[0] ?? "", 36);
    if (Number.isFinite(createdAt) && now - createdAt > STALE_AFTER_MS) {
      await admin.query(dropSql(datname)).catch(() => undefined); // another run may be dropping it too
    }
  }
}

async function createServerTestDb(serverUrl: string, migrate: boolean): Promise<TestDb> {
  const now = Date.now();
  const name = `${PREFIX}${now.toString(36)}_${randomBytes(6).toString("hex")}`;
  await withAdmin(serverUrl, async (admin) => {
    await dropStaleDatabases(admin, now);
    await admin.query(`CREATE DATABASE "${name}"`);
    // A server outside UTC by default, so tests prove createDb pins the session to UTC itself.
    await admin.query(`ALTER DATABASE "${name}" SET TimeZone TO 'America/Sao_Paulo'`);
  });
  const drop = () => withAdmin(serverUrl, (admin) => admin.query(dropSql(name))).then(() => undefined);

  const discard = async (err: unknown, handle?: DbHandle): Promise<never> => {
    await handle?.close().catch(() => undefined);
    await drop().catch(() => undefined);
    throw err;
  };
  const url = urlForDatabase(serverUrl, name);
  const handle = await createDb({ driver: "postgres", url }).catch((err) => discard(err));
  if (migrate) await migrateDb(handle).catch((err) => discard(err, handle));
  return {
    ...handle,
    label: "postgres",
    url,
    async cleanup() {
      await handle.close();
      await drop();
    },
  };
}

async function openSnapshot(): Promise<DbHandle | null> {
  const snapshot = await readPgliteSnapshot();
  if (!snapshot) return null;
  try {
    return await createDb({ driver: "pglite", pgliteSnapshot: snapshot });
  } catch {
    await discardPgliteSnapshot();
    return null;
  }
}

async function createPgliteTestDb(migrate: boolean): Promise<TestDb> {
  if (!migrate) {
    const empty = await createDb({ driver: "pglite", pgliteDir: null });
    return { ...empty, label: "pglite", url: null, cleanup: () => empty.close() };
  }
  const fromSnapshot = await openSnapshot();
  const handle = fromSnapshot ?? (await createDb({ driver: "pglite", pgliteDir: null }));
  await migrateDb(handle); // a no-op on a snapshot, which is already migrated
  // Only a speed-up for the next files: a full disk or a racing writer must not fail this one.
  if (!fromSnapshot) await savePgliteSnapshot(handle).catch(() => undefined);
  return { ...handle, label: "pglite", url: null, cleanup: () => handle.close() };
}

/** A migrated database of its own for one test file: Postgres when DATABASE_URL is set, else in-memory PGlite. */
export async function createTestDb({ migrate = true }: TestDbOptions = {}): Promise<TestDb> {
  const { url } = env.database;
  return url ? createServerTestDb(url, migrate) : createPgliteTestDb(migrate);
}
