// The plan Postgres picks for one compiled drizzle query, as EXPLAIN prints it (one line per node), for
// the tests that pin a page's query to its index. A connection of its own, so the plan is the server's
// and not bent by the test's transaction.
import { Client } from "pg";

type Compilable = { toSQL(): { sql: string; params: unknown[] } };

export async function explainPlan(url: string, query: Compilable, { analyze = false } = {}): Promise<string> {
  const { sql, params } = query.toSQL();
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ "QUERY PLAN": string }>(`explain ${analyze ? "analyze " : ""}${sql}`, params);
    return rows.map((r) => r["QUERY PLAN"]).join("\n");
  } finally {
    await client.end();
  }
}
