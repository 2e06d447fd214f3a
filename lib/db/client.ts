// Opens the database behind one drizzle type whatever the driver (embedded PGlite, node-postgres,
// Neon), and keeps a single instance per process for the app (`getDb`).
import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { neonConfig, Pool as NeonPool } from "@neondatabase/serverless";
import { sql } from "drizzle-orm";
import { drizzle as drizzleNeon } from "drizzle-orm/neon-serverless";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { Pool as PgPool } from "pg";
import ws from "ws";
import { z } from "zod";
import { env, type DbDriver } from "@/lib/env";
import { log } from "@/lib/log";
import { nameStatementsOf } from "./wire/named-statements";
import * as schema from "./schema";

export type Schema = typeof schema;
/** The drizzle database every query module takes first. A transaction (`tx`) is one too. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface DbHandle {
  db: Db;
  /**
   * A second, small pool for one-statement transactions taken while a transaction of `db` is open
   * (the roleta turn during an intake). Not `db` itself: with every connection of `db` held by
   * transactions waiting for such a statement, none would be left to run it. Null on PGlite, whose
   * single connection cannot run anything beside its open transaction.
   */
  sideDb: Db | null;
  driver: DbDriver;
  /** Runs `select 1`; rejects when the database cannot answer. */
  ping(): Promise<void>;
  /** Releases the connections (or the PGlite instance). Safe to call twice. */
  close(): Promise<void>;
}

export type CreateDbOptions = {
  driver: DbDriver;
  url?: string;
  /** PGlite only: a directory for a file database (created if missing); null or absent = in memory. */
  pgliteDir?: string | null;
  /** PGlite only, for tests: a data dir from `dumpDataDir()` to start from instead of running initdb. */
  pgliteSnapshot?: Blob;
};

const optionsSchema = z
  .object({
    driver: z.enum(["pglite", "postgres", "neon"], { error: "driver deve ser pglite, postgres ou neon" }),
    url: z
      .string()
      .regex(/^postgres(ql)?:\/\/.+/, "url deve ser uma URL postgres:// ou postgresql://")
      .optional(),
    pgliteDir: z.string().min(1, "pgliteDir não pode ser vazio").nullable().optional(),
    pgliteSnapshot: z.instanceof(Blob, { error: "pgliteSnapshot deve ser um Blob" }).optional(),
  })
  .refine((o) => o.driver === "pglite" || o.url !== undefined, {
    message: "url é obrigatória para os drivers postgres e neon",
    path: ["url"],
  });

function parseOptions(options: CreateDbOptions): z.infer<typeof optionsSchema> {
  const result = optionsSchema.safeParse(options);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ` : "") + i.message);
  throw new Error(`Configuração de banco inválida: ${issues.join("; ")}`);
}

function buildHandle(driver: DbDriver, db: Db, sideDb: Db | null, release: () => Promise<void>): DbHandle {
  let closing: Promise<void> | null = null;
  return {
    db,
    sideDb,
    driver,
    async ping() {
      await db.execute(sql`select 1`);
    },
    close() {
      closing ??= release();
      return closing;
    },
  };
}

async function openPglite(dir: string | null | undefined, snapshot: Blob | undefined): Promise<DbHandle> {
  if (dir) await mkdir(dir, { recursive: true });
  const client = await PGlite.create({
    // The name search's trigram index (migration 0012); Postgres ships pg_trgm, PGlite loads it here.
    extensions: { pg_trgm },
    ...(dir ? { dataDir: dir } : {}),
    ...(snapshot ? { loadDataDir: snapshot } : {}),
  });
  // PGlite already starts in UTC; pinning it keeps `timestamp` defaults (now()) in UTC if that changes.
  await client.exec("SET TimeZone = 'UTC'");
  return buildHandle("pglite", drizzlePglite({ client, schema }), null, () => client.close());
}

// An idle client that loses its server emits "error" on the pool; unhandled, that kills the process.
// The pool drops that client and the next query reconnects, so noting it is enough.
// Only the message and code: node-postgres hangs the whole client (its connection settings, statement
// texts, cancel key) on the error, which does not belong in a log line.
function reportIdleError(driver: DbDriver) {
  return (err: Error & { code?: unknown }) =>
    log.warn("db.idle_connection_lost", { driver, error: err.message, code: err.code ?? null });
}

/** Statements on the side pool are short and rare: a couple of connections serve them. */
const SIDE_POOL_MAX = 2;
/**
 * Each connection has its own prepared statements (named-statements.ts), and opening one costs a
 * TCP and auth exchange: pg's default of closing idle connections after 10 s made the first leads
 * of every burst after a quiet moment pay for both, all at once. Keep them a minute, and two always.
 */
const POSTGRES_IDLE = { idleTimeoutMillis: 60_000, min: 2 };

/** A pooled driver's handle: the main pool, and a side pool of SIDE_POOL_MAX (DbHandle.sideDb). */
function handleWithSidePool<P extends { end(): Promise<void> }>(
  driver: DbDriver,
  open: (max?: number) => P,
  wrap: (pool: P) => Db,
): DbHandle {
  const [pool, side] = [open(), open(SIDE_POOL_MAX)];
  return buildHandle(driver, wrap(pool), wrap(side), async () => {
    await Promise.all([pool.end(), side.end()]);
  });
}

async function openPostgres(url: string): Promise<DbHandle> {
  // The seed's columns are `timestamp` without time zone and we store UTC: now() must be UTC too.
  const open = (max?: number) => {
    const pool = new PgPool({
      connectionString: url,
      options: "-c TimeZone=UTC",
      ...POSTGRES_IDLE,
      ...(max ? { max } : {}),
    });
    pool.on("error", reportIdleError("postgres"));
    nameStatementsOf(pool);
    return pool;
  };
  return handleWithSidePool("postgres", open, (client) => drizzlePg({ client, schema }));
}

async function openNeon(url: string): Promise<DbHandle> {
  neonConfig.webSocketConstructor = ws; // Node 20 has no global WebSocket
  // No startup `options` here: Neon's pooler rejects most of them. Neon databases default to UTC.
  const open = (max?: number) => {
    const pool = new NeonPool({ connectionString: url, ...(max ? { max } : {}) });
    pool.on("error", reportIdleError("neon"));
    return pool;
  };
  return handleWithSidePool("neon", open, (client) => drizzleNeon({ client, schema }));
}

/** Opens a new database handle. The app uses `getDb()`; scripts and tests call this directly. */
export async function createDb(options: CreateDbOptions): Promise<DbHandle> {
  const o = parseOptions(options);
  if (o.driver === "pglite") return openPglite(o.pgliteDir, o.pgliteSnapshot);
  if (o.driver === "postgres") return openPostgres(o.url!);
  return openNeon(o.url!);
}

type DbCache = { __lastroDb?: Promise<DbHandle> };
const cache = globalThis as typeof globalThis & DbCache;

/**
 * The process-wide handle built from `env.database`. The promise is cached on `globalThis`, so
 * concurrent first calls and Next's dev hot reload share one instance (PGlite allows one per data dir).
 */
export function getDb(): Promise<DbHandle> {
  if (!cache.__lastroDb) {
    const { driver, url, pgliteDir } = env.database;
    const opening = createDb({ driver, url, pgliteDir }).then((handle) => {
      const close = handle.close;
      // Closing the singleton forgets it, so a later getDb() opens a fresh one.
      handle.close = () => {
        if (cache.__lastroDb === opening) delete cache.__lastroDb;
        return close();
      };
      return handle;
    });
    // A failed open (database down) must not stay cached forever.
    opening.catch(() => {
      if (cache.__lastroDb === opening) delete cache.__lastroDb;
    });
    cache.__lastroDb = opening;
  }
  return cache.__lastroDb;
}

/** Tests only: make `getDb()` (and so every route handler) use this handle, e.g. a `createTestDb()` database. */
export function useDbForTests(handle: DbHandle | null): void {
  if (handle) cache.__lastroDb = Promise.resolve(handle);
  else delete cache.__lastroDb;
}
