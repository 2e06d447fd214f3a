// An empty Postgres database of a script's own (the e2e server, the benchmarks, the reliability suite),
// dropped and created through the server's `postgres` database: a database cannot drop itself.
import { Client } from "pg";

// Lower case only, so the name means the same quoted or not, and nothing in it can reach the SQL as code.
const PLAIN_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
const ADMIN_DATABASE = "postgres";

/** Whether `name` is a plain identifier: lower-case letters, digits and _, at most 63 characters. */
export function isPlainDatabaseName(name: string): boolean {
  return PLAIN_NAME.test(name);
}

/** The URL of database `name` on the server of `serverUrl` (whatever database that URL names). */
export function databaseUrlFor(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function asAdmin(serverUrl: string, name: string, statements: string[]): Promise<void> {
  if (!isPlainDatabaseName(name) || name === ADMIN_DATABASE) {
    throw new Error(
      `nome de banco inválido: ${JSON.stringify(name)} (use letras minúsculas, números e _; não "postgres")`,
    );
  }
  const client = new Client({ connectionString: databaseUrlFor(serverUrl, ADMIN_DATABASE) });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Drops `name` on the server of `serverUrl` (closing its connections) and creates it empty; its URL. */
export async function recreateDatabase(serverUrl: string, name: string): Promise<string> {
  await asAdmin(serverUrl, name, [`drop database if exists "${name}" with (force)`, `create database "${name}"`]);
  return databaseUrlFor(serverUrl, name);
}

/** Drops `name` on the server of `serverUrl`, closing its connections; nothing when it is not there. */
export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await asAdmin(serverUrl, name, [`drop database if exists "${name}" with (force)`]);
}
