// Test support: every row of the tables that can hold a person's data, as JSON text, so a test can
// prove a name, phone or e-mail is nowhere after an erasure or a retention run.
import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";

const TABLES = ["leads", "interacoes", "eventos", "mensagens", "entregas_webhook", "auditoria", "uso_llm"] as const;

export async function everythingStored(db: Db): Promise<string> {
  const results = await Promise.all(
    TABLES.map((table) => db.execute(sql.raw(`select row_to_json(t)::text as t from ${table} t`))),
  );
  return results.flatMap((r) => (r as unknown as { rows: { t: string }[] }).rows.map((x) => x.t)).join("\n");
}
