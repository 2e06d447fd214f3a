// What tests read back about a lead's history; the app itself only writes `interacoes` so far.
import { asc, eq } from "drizzle-orm";
import type { Db } from "../client";
import type { Interacao } from "../queries/interacoes";
import { interacoes } from "../schema";

/** The lead's interactions, oldest first. */
export async function listInteracoesByLead(db: Db, leadId: string): Promise<Interacao[]> {
  return db.select().from(interacoes).where(eq(interacoes.leadId, leadId)).orderBy(asc(interacoes.id));
}
