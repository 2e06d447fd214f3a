// The roleta position. One call takes a turn: the database reads the agency's credits, picks the
// broker and stores the new credits under the row lock (migration 0005), so no client round trip
// ever happens while other intakes of the agency wait for that lock.
import { sql } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { Db } from "../client";
import { executeRows } from "../execute-rows";
import { idSchema } from "./columns";

export type RoletaCandidate = { id: string; weight: number; openLeads: number };

const candidatesSchema = z.array(
  z.object({ id: idSchema, weight: z.number().finite(), openLeads: z.number().int().min(0) }),
);

/**
 * The next broker by smooth weighted round-robin among `candidates` (weight ≤ 0 = not eligible;
 * ties go to fewer open leads, then the lower id), or null when nobody is eligible. Brokers left out
 * (off duty, paused) keep their credits and resume their place.
 *
 * Inside a transaction (`db` is a tx) the turn is part of it. With `ownTransaction`, `db` must be a
 * root handle (DbHandle.sideDb): the turn is a transaction of its own that commits without waiting
 * for the WAL flush, so the agency's row lock lasts one statement instead of statement + fsync (the
 * turns of one agency take place one after another, and a flush per turn capped them near 1/fsync).
 * What that risks: a database crash may forget the last turns, so a broker may get a turn again;
 * never a lead, which the intake's own (durable) transaction holds.
 */
export async function takeRoletaTurn(
  db: Db,
  imobiliariaId: string,
  candidates: RoletaCandidate[],
  options: { ownTransaction?: boolean } = {},
): Promise<string | null> {
  const agency = idSchema.parse(imobiliariaId);
  const candidatos = candidatesSchema
    .parse(candidates)
    .map((c) => ({ id: c.id, peso: c.weight, abertos: c.openLeads }));
  // Asynchronous commit inside a caller's transaction would make ITS commit (the lead) asynchronous too.
  if (options.ownTransaction && db instanceof PgTransaction)
    throw new Error("takeRoletaTurn: ownTransaction pede o handle raiz, não uma transação");
  const turn = sql`lastro_roleta_turno(${agency}, ${JSON.stringify(candidatos)}::jsonb)`;
  const [row] = await executeRows<{ escolhido: string | null }>(
    db,
    options.ownTransaction
      ? sql`select set_config('synchronous_commit', 'off', true) as modo, ${turn} as escolhido`
      : sql`select ${turn} as escolhido`,
  );
  return row?.escolhido ?? null;
}
