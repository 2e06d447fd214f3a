// Postgres parses and plans an unnamed parameterized statement on every execution; for our short
// hot-path queries planning costs more than running them (measured: ~10 ms of server CPU per lead,
// mostly planning). Naming each parameterized statement after a hash of its text lets every
// connection parse it once and reuse the plan (Postgres keeps a custom plan when it is better).
import { createHash } from "node:crypto";
import type { Pool } from "pg";

// Texts repeat (they come from a fixed set of query builders); the bound only guards against a
// caller that builds unbounded variants (e.g. huge IN lists), which then simply run unnamed.
const MAX_NAMED = 2_000;
const MAX_TEXT = 8_000;
const names = new Map<string, string>();

/** The name every connection gives this statement text, or undefined when it runs unnamed. */
export function statementName(text: string): string | undefined {
  const known = names.get(text);
  if (known || text.length > MAX_TEXT || names.size >= MAX_NAMED) return known;
  const name = `lastro_${createHash("sha1").update(text).digest("hex").slice(0, 24)}`;
  names.set(text, name);
  return name;
}

type QueryConfig = { text?: unknown; name?: unknown; values?: unknown };

function named(config: unknown, values: unknown): unknown {
  if (!config || typeof config !== "object") return config;
  const c = config as QueryConfig;
  if (c.name || typeof c.text !== "string") return config;
  const hasValues = (Array.isArray(values) && values.length > 0) || (Array.isArray(c.values) && c.values.length > 0);
  if (!hasValues) return config; // BEGIN, COMMIT, DDL: nothing to plan twice
  const name = statementName(c.text);
  return name ? { ...c, name } : config;
}

/** Names the parameterized statements of every connection this pool opens. */
export function nameStatementsOf(pool: Pool): void {
  pool.on("connect", (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (config: unknown, ...rest: unknown[]) =>
      query(named(config, rest[0]), ...rest);
  });
}
