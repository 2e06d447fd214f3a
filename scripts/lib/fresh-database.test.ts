// The scripts' fresh database: names are checked before any connection; on a real Postgres
// (DATABASE_URL) a recreated database comes back empty and a dropped one is gone.
import { Client } from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { databaseUrlFor, dropDatabase, isPlainDatabaseName, recreateDatabase } from "./fresh-database";

describe("database names", () => {
  it("takes only plain lower-case identifiers", () => {
    expect(isPlainDatabaseName("lastro_e2e")).toBe(true);
    expect(isPlainDatabaseName("_x9")).toBe(true);
    expect(isPlainDatabaseName("Bench")).toBe(false);
    expect(isPlainDatabaseName("9x")).toBe(false);
    expect(isPlainDatabaseName('x" with (force); drop database "y')).toBe(false);
    expect(isPlainDatabaseName("a".repeat(64))).toBe(false);
  });

  it("refuses a bad name, or the admin database, before connecting anywhere", async () => {
    const nowhere = "postgres://nobody@127.0.0.1:1/postgres";
    await expect(recreateDatabase(nowhere, "x; drop table leads")).rejects.toThrow(/nome de banco inválido/);
    await expect(dropDatabase(nowhere, "postgres")).rejects.toThrow(/nome de banco inválido/);
  });

  it("points the server URL at the named database, keeping user, host and options", () => {
    expect(databaseUrlFor("postgres://u:p@db:5432/main?sslmode=disable", "lastro_e2e")).toBe(
      "postgres://u:p@db:5432/lastro_e2e?sslmode=disable",
    );
  });
});

const serverUrl = process.env.DATABASE_URL;

describe.runIf(serverUrl)("on Postgres", () => {
  const name = `lastro_fresh_database_${process.pid}`;
  afterAll(() => dropDatabase(serverUrl!, name));

  async function tables(url: string): Promise<string[]> {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      const r = await client.query<{ t: string }>("select tablename as t from pg_tables where schemaname = 'public'");
      return r.rows.map((row) => row.t);
    } finally {
      await client.end();
    }
  }

  async function exists(): Promise<boolean> {
    const client = new Client({ connectionString: serverUrl });
    await client.connect();
    try {
      return (await client.query("select 1 from pg_database where datname = $1", [name])).rowCount === 1;
    } finally {
      await client.end();
    }
  }

  it("recreates a database empty, even with a connection still open to it, and drops it", async () => {
    const url = await recreateDatabase(serverUrl!, name);
    const open = new Client({ connectionString: url });
    await open.connect();
    open.on("error", () => undefined); // `with (force)` ends this connection
    await open.query("create table sobra (id int)");
    expect(await tables(url)).toEqual(["sobra"]);

    expect(await recreateDatabase(serverUrl!, name)).toBe(url);
    expect(await tables(url)).toEqual([]);
    await open.end().catch(() => undefined);

    await dropDatabase(serverUrl!, name);
    expect(await exists()).toBe(false);
    await dropDatabase(serverUrl!, name); // not there: nothing to do
  });
});
