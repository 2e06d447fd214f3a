// The undocumented parts of drizzle-orm and pg that this folder drives. Both packages are pinned to
// exact versions in package.json; when an upgrade changes one of these, this test names what broke
// before the hot paths do. Fix the wire code (or drop it for the plain driver path), then the test.
// compiled-statement.ts, execute-rows.ts, decode-row.ts and few-trips-transaction.ts rely on drizzle;
// pg-statements-together.ts and named-statements.ts on pg. The last check runs on Postgres only.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { eq, getTableColumns, is, Param, Placeholder, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import { PgDialect } from "drizzle-orm/pg-core";
import pg from "pg";
import { describe, expect, it } from "vitest";
import * as schema from "../schema";
import { leads } from "../schema";
import { createTestDb } from "../test-db";
import { statementName } from "./named-statements";
import { sendStatementsTogether } from "./pg-statements-together";

const require = createRequire(import.meta.url);
const readJson = (file: string) =>
  JSON.parse(readFileSync(file, "utf8")) as { version: string; dependencies: Record<string, string> };
const installed = (name: string) => readJson(path.join(process.cwd(), "node_modules", name, "package.json")).version;
const pinned = (name: string) => readJson(path.join(process.cwd(), "package.json")).dependencies[name];

/** Fails with the package, its version and the internal the wire code relies on. */
function relyOn(pkg: "drizzle-orm" | "pg", internal: string, check: () => unknown): void {
  let ok: unknown;
  let error: unknown;
  try {
    ok = check();
  } catch (err) {
    error = err;
  }
  if (!ok || error) {
    throw new Error(
      `${pkg}@${installed(pkg)} changed an internal lib/db/wire relies on: ${internal}` +
        (error ? ` (${error instanceof Error ? error.message : String(error)})` : ""),
    );
  }
}

describe("library internals the wire code relies on", () => {
  it("pins drizzle-orm and pg to the exact versions installed", () => {
    for (const pkg of ["drizzle-orm", "pg"]) {
      expect(
        pinned(pkg),
        `${pkg} must be pinned exactly in package.json (see lib/db/wire/library-internals.test.ts)`,
      ).toBe(installed(pkg));
    }
  });

  it("drizzle-orm: renders without a connection, with placeholders as Param/Placeholder and $1…$n", () => {
    const mock = drizzle.mock({ schema });
    relyOn(
      "drizzle-orm",
      "drizzle.mock({ schema }) from drizzle-orm/node-postgres builds queries",
      () => typeof mock.select === "function",
    );
    const query = mock
      .select()
      .from(leads)
      .where(eq(leads.dataPrimeiroContato, new Param(sql.placeholder("since"), leads.dataPrimeiroContato)))
      .toSQL();
    relyOn(
      "drizzle-orm",
      "a builder's toSQL() gives { sql, params } numbered $1…$n",
      () => query.sql.includes("$1") && query.params.length === 1,
    );
    const param = query.params[0];
    relyOn(
      "drizzle-orm",
      "a Param(Placeholder, column) survives toSQL() as a Param whose value is the Placeholder",
      () => is(param, Param) && is(param.value, Placeholder) && param.value.name === "since",
    );
    const at = new Date("2026-12-01T12:00:00.000Z");
    relyOn(
      "drizzle-orm",
      "Param.encoder.mapToDriverValue encodes with the column's mapper",
      () => is(param, Param) && param.encoder.mapToDriverValue(at) === leads.dataPrimeiroContato.mapToDriverValue(at),
    );
    const bare = mock
      .select()
      .from(leads)
      .where(eq(leads.id, sql.placeholder("id")))
      .toSQL();
    relyOn(
      "drizzle-orm",
      "a bare sql.placeholder() in a condition stays a Placeholder (or a Param over one) in toSQL().params",
      () => {
        const p = bare.params[0];
        return is(p, Placeholder) || (is(p, Param) && is(p.value, Placeholder));
      },
    );
    const raw = new PgDialect().sqlToQuery(
      sql`select ${sql.placeholder("a")}::int as a, ${sql.placeholder("b")}::text as b`,
    );
    relyOn(
      "drizzle-orm",
      "new PgDialect().sqlToQuery(sql) gives { sql, params } numbered $1…$n",
      () => raw.sql === "select $1::int as a, $2::text as b" && raw.params.every((p) => is(p, Placeholder)),
    );
  });

  it("drizzle-orm: a node-postgres database exposes its pool ($client) and its session's prepareQuery", async () => {
    const pool = new pg.Pool({ connectionString: "postgres://nobody@127.0.0.1:1/none" });
    try {
      const db = drizzle({ client: pool, schema });
      relyOn(
        "drizzle-orm",
        "db.$client is the pg Pool it was built on (few-trips-transaction.ts tells the driver by it)",
        () => db.$client === pool,
      );
      relyOn(
        "drizzle-orm",
        "db._.session.prepareQuery(query, fields, name, arrayMode) (execute-rows.ts executeText)",
        () => {
          const session = (
            db as unknown as { _: { session: { prepareQuery: (...args: unknown[]) => { execute: unknown } } } }
          )._.session;
          return (
            typeof session.prepareQuery({ sql: "select 1", params: [] }, undefined, undefined, false).execute ===
            "function"
          );
        },
      );
    } finally {
      await pool.end();
    }
    relyOn(
      "drizzle-orm",
      "getTableColumns(table) gives columns with .name and .mapFromDriverValue (decode-row.ts)",
      () =>
        Object.values(getTableColumns(leads)).every(
          (c) => typeof c.name === "string" && typeof c.mapFromDriverValue === "function",
        ),
    );
  });

  it("pg: the Result, prepareValue and type parsers the submittable uses", () => {
    const internals = pg as unknown as {
      Result: new (
        rowMode: undefined,
        types: unknown,
      ) => {
        rows: unknown[];
        addFields(f: unknown[]): void;
        parseRow(f: unknown[]): unknown;
        addRow(r: unknown): void;
      };
      utils: { prepareValue(v: unknown): unknown };
      types: { getTypeParser(oid: number, format?: string): (v: string) => unknown };
    };
    relyOn("pg", "pg.Result(rowMode, types) with addFields / parseRow / addRow / rows", () => {
      const result = new internals.Result(undefined, { getTypeParser: internals.types.getTypeParser });
      result.addFields([{ name: "n", dataTypeID: 23, format: "text" }]);
      result.addRow(result.parseRow(["7"]));
      return JSON.stringify(result.rows) === JSON.stringify([{ n: 7 }]);
    });
    relyOn(
      "pg",
      "pg.utils.prepareValue turns values into wire text",
      () => internals.utils.prepareValue(true) === "true" && internals.utils.prepareValue(null) === null,
    );
    relyOn("pg", "pg.types.getTypeParser(oid, format)", () => internals.types.getTypeParser(23, "text")("5") === 5);
  });

  it("pg: the Connection's extended-protocol methods and named-statement cache", () => {
    const connection = new pg.Connection() as unknown as Record<string, unknown> & {
      stream: { cork?: unknown; uncork?: unknown; destroy(): void };
    };
    try {
      for (const method of ["parse", "bind", "describe", "execute", "sync"]) {
        relyOn("pg", `Connection.prototype.${method}(msg)`, () => typeof connection[method] === "function");
      }
      relyOn(
        "pg",
        "connection.parsedStatements, shared with pg's own Query (name → text)",
        () => typeof connection.parsedStatements === "object" && connection.parsedStatements !== null,
      );
      relyOn(
        "pg",
        "connection.stream.cork / uncork",
        () => typeof connection.stream.cork === "function" && typeof connection.stream.uncork === "function",
      );
    } finally {
      connection.stream.destroy();
    }
  });

  it("pg: the client hands a submittable exactly the handlers pg-statements-together.ts implements", () => {
    const source = readFileSync(path.join(path.dirname(require.resolve("pg")), "client.js"), "utf8");
    relyOn("pg", "Client.query(config) submits any config with a submit() function", () =>
      source.includes("typeof config.submit === 'function'"),
    );
    const called = new Set([...source.matchAll(/activeQuery\.(handle[A-Za-z]+)\(/g)].map((m) => m[1]));
    const implemented = [
      "handleCommandComplete",
      "handleCopyData",
      "handleCopyInResponse",
      "handleDataRow",
      "handleEmptyQuery",
      "handleError",
      "handlePortalSuspended",
      "handleReadyForQuery",
      "handleRowDescription",
    ];
    relyOn(
      "pg",
      `the handlers Client calls on the active query: [${[...called].sort().join(", ")}], implemented [${implemented.join(", ")}]`,
      () => [...called].sort().join() === implemented.join(),
    );
  });

  it.runIf(process.env.DATABASE_URL)(
    "pg: statements sent together answer in order, and their names land where pg's Query looks",
    async () => {
      const t = await createTestDb();
      const pool = new pg.Pool({ connectionString: t.url! });
      const client = await pool.connect();
      try {
        const text = "select $1::int + 1 as n";
        const rows = await sendStatementsTogether(client, [
          { statement: { key: "internals.a", text }, params: [1] },
          { statement: { key: "internals.b", text: "select 'b' as s" }, params: [] },
        ]);
        relyOn(
          "pg",
          "a submittable's Parse/Bind/Describe/Execute…Sync answers each statement's rows in order",
          () => JSON.stringify(rows) === JSON.stringify([[{ n: 2 }], [{ s: "b" }]]),
        );
        const parsed = (client as unknown as { connection: { parsedStatements: Record<string, string> } }).connection
          .parsedStatements;
        relyOn(
          "pg",
          "client.connection.parsedStatements keeps the name this connection parsed",
          () => parsed[statementName(text)!] === text,
        );
        // pg's own Query, by the same name, reuses the statement instead of parsing it again.
        const again = await client.query({ name: statementName(text)!, text, values: [41] });
        expect(again.rows).toEqual([{ n: 42 }]);
      } finally {
        client.release();
        await pool.end();
        await t.cleanup();
      }
    },
  );
});
