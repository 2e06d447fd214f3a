// The roleta position. One call takes a turn: the database reads the agency's credits, picks the
// broker and stores the new credits under the row lock (migration 0005), so no client round trip
// ever happens while other intakes of the agency wait for that lock.
import { sql } from "drizzle-orm";
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
 * (off duty, paused) keep their credits and resume their place. Run it on the root handle for a
 * turn of its own (the lock lasts one statement), or inside a transaction to tie it to that one.
 */
export async function takeRoletaTurn(db: Db, imobiliariaId: string, candidates: RoletaCandidate[]): Promise<string | null> {
  const agency = idSchema.parse(imobiliariaId);
  const candidatos = candidatesSchema.parse(candidates).map((c) => ({ id: c.id, peso: c.weight, abertos: c.openLeads }));
  const [row] = await executeRows<{ escolhido: string | null }>(
    db,
    sql`select lastro_roleta_turno(${agency}, ${JSON.stringify(candidatos)}::jsonb) as escolhido`,
  );
  return row?.escolhido ?? null;
}
