// The `mensagens` query behind the summary scheduler (the sender's side is mensagens.ts): which of
// the due summaries already have their row, so a cron tick skips them before loading any figures.
import { inArray } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../client";
import { mensagens } from "../schema";

const chavesSchema = z.array(z.string().min(1).max(200));

/** The idempotency keys among `chaves` that already have a message row. */
export async function listChavesExistentes(db: Db, chaves: string[]): Promise<Set<string>> {
  const parsed = chavesSchema.parse(chaves);
  const found = new Set<string>();
  // Chunks keep the parameter list far below Postgres's 65,535 limit with thousands of brokers.
  for (let i = 0; i < parsed.length; i += 1000) {
    const rows = await db
      .select({ chave: mensagens.idempotencyKey })
      .from(mensagens)
      .where(inArray(mensagens.idempotencyKey, parsed.slice(i, i + 1000)));
    for (const r of rows) found.add(r.chave);
  }
  return found;
}
