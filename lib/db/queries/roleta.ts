// The roleta position. Callers run both functions inside ONE transaction: the row lock makes
// concurrent leads take turns one after another instead of reading the same position.
import { eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { roletaEstado } from "../schema";
import { idSchema } from "./columns";
import type { PlannedWrite } from "./write-together";

/** Creates the row if needed and row-locks it in one round trip (an upsert locks what it touches). */
export async function lockRoleta(tx: Db, imobiliariaId: string): Promise<Record<string, number>> {
  const id = idSchema.parse(imobiliariaId);
  const [row] = await tx
    .insert(roletaEstado)
    .values({ imobiliariaId: id, correntes: {} })
    .onConflictDoUpdate({ target: roletaEstado.imobiliariaId, set: { imobiliariaId: sql`excluded.imobiliaria_id` } })
    .returning({ correntes: roletaEstado.correntes });
  return row?.correntes ?? {};
}

/** The new position, planned: run it (writeTogether) in the transaction that took lockRoleta. */
export function planSaveRoleta(tx: Db, imobiliariaId: string, correntes: Record<string, number>): PlannedWrite {
  return tx
    .update(roletaEstado)
    .set({ correntes, atualizadoEm: sql`now()` })
    .where(eq(roletaEstado.imobiliariaId, idSchema.parse(imobiliariaId)));
}
