// A transaction whose first statements ride with BEGIN and whose last ones ride with COMMIT, for
// hot paths where round trips cost more than the statements (the intake). On node-postgres each
// end is ONE round trip (pg-statements-together.ts); on PGlite and Neon the same statements run one
// by one inside an ordinary drizzle transaction, with the same results.
import { drizzle } from "drizzle-orm/node-postgres";
import { Pool as PgPool, type PoolClient } from "pg";
import type { Db } from "../client";
import { runBound, type BoundStatement } from "./compiled-statement";
import { sendStatementsTogether, type Rows } from "./pg-statements-together";
import * as schema from "../schema";

export type FewTripsTransaction = {
  /** For any statement between the two ends; it runs inside the transaction. */
  tx: Db;
  /**
   * Runs `statements` and then COMMIT, in one round trip where the driver allows; returns each
   * statement's rows. Once only, and last: nothing may run on `tx` after it.
   */
  commitWith(statements: BoundStatement[]): Promise<Rows[]>;
};

/**
 * BEGIN and `first` (one round trip on node-postgres), then `work` with each first statement's
 * rows; COMMIT when `work` returns (if it did not call commitWith), ROLLBACK when it throws.
 */
export async function fewTripsTransaction<T>(
  db: Db,
  first: BoundStatement[],
  work: (t: FewTripsTransaction, firstRows: Rows[]) => Promise<T>,
): Promise<T> {
  const pool = (db as { $client?: unknown }).$client;
  if (pool instanceof PgPool) return onPgConnection(pool, first, work);
  return db.transaction(async (tx) => {
    const once = commitOnce();
    const firstRows = await runEach(tx, first);
    return work({ tx, commitWith: (statements) => once(() => runEach(tx, statements)) }, firstRows);
  });
}

async function runEach(tx: Db, statements: BoundStatement[]): Promise<Rows[]> {
  const rows: Rows[] = [];
  for (const statement of statements) rows.push(await runBound(tx, statement));
  return rows;
}

function commitOnce() {
  let called = false;
  return <R>(run: () => Promise<R>): Promise<R> => {
    if (called) return Promise.reject(new Error("fewTripsTransaction: commitWith só pode ser chamado uma vez"));
    called = true;
    return run();
  };
}

const BEGIN: BoundStatement = { statement: { key: "few_trips.begin", text: "begin" }, params: [] };
const COMMIT: BoundStatement = { statement: { key: "few_trips.commit", text: "commit" }, params: [] };

// A drizzle database over one checked-out connection, as drizzle's own transaction hands out;
// building one (schema and relations) takes ≈ 0.15 ms here, so each connection keeps its own.
const overConnection = new WeakMap<PoolClient, Db>();
function drizzleOver(client: PoolClient): Db {
  let db = overConnection.get(client);
  if (!db) overConnection.set(client, (db = drizzle({ client, schema }) as unknown as Db));
  return db;
}

async function onPgConnection<T>(
  pool: PgPool,
  first: BoundStatement[],
  work: (t: FewTripsTransaction, firstRows: Rows[]) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    const once = commitOnce();
    let committing = false;
    const [, ...firstRows] = await sendStatementsTogether(client, [BEGIN, ...first]);
    const result = await work(
      {
        tx: drizzleOver(client),
        commitWith: (statements) =>
          once(async () => {
            committing = true;
            return (await sendStatementsTogether(client, [...statements, COMMIT])).slice(0, -1);
          }),
      },
      firstRows,
    );
    if (!committing) await client.query("commit");
    return result;
  } catch (err) {
    if ((err as { connectionSuspect?: boolean }).connectionSuspect) broken = err as Error;
    else {
      // Always: when a trip fails, its ReadyForQuery (the transaction's state) has not arrived yet,
      // and ROLLBACK with no transaction open is only a warning.
      await client.query("rollback").catch((rollbackErr: unknown) => {
        broken = rollbackErr as Error;
      });
    }
    throw err;
  } finally {
    // A connection in an unknown state is closed, not handed to the next caller.
    client.release(broken);
  }
}
