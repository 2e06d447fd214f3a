// The roleta position. Callers run both functions inside ONE transaction: the row lock makes
// concurrent leads take turns one after another instead of reading the same position.
import { eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { roletaEstado } from "../schema";
import { idSchema } from "./columns";

export async function lockRoleta(tx: Db, imobiliariaId: string): Promise<Record<string, number>> {
  const id = idSchema.parse(imobiliariaId);
  await tx.insert(roletaEstado).values({ imobiliariaId: id, correntes: {} }).onConflictDoNothing();
  const [row] = await tx.select().from(roletaEstado).where(eq(roletaEstado.imobiliariaId, id)).for("update");
  return row?.correntes ?? {};
}

export async function saveRoleta(tx: Db, imobiliariaId: string, correntes: Record<string, number>): Promise<void> {
  await tx
    .update(roletaEstado)
    .set({ correntes, atualizadoEm: sql`now()` })
    .where(eq(roletaEstado.imobiliariaId, idSchema.parse(imobiliariaId)));
}
