// The leads table as a broker's WhatsApp reply changes it: "Já contatei" and "Passar adiante".
// Each write names the state it expects (status `novo`, the current broker), so a race or a
// retried webhook finds nothing to change instead of changing it twice.
import { and, eq } from "drizzle-orm";
import type { Db } from "../client";
import { leads } from "../schema";
import { idSchema } from "./columns";
import type { Lead } from "./leads";

const scoped = (imobiliariaId: string, id: string) =>
  and(eq(leads.imobiliariaId, idSchema.parse(imobiliariaId)), eq(leads.id, idSchema.parse(id)));

/** The lead, row-locked until the transaction ends. */
export async function lockLeadForUpdate(tx: Db, imobiliariaId: string, id: string): Promise<Lead | null> {
  const [row] = await tx.select().from(leads).where(scoped(imobiliariaId, id)).for("update");
  return row ?? null;
}

/** `novo` → `em_contato` for the broker's own lead; null when it was not `novo` (or not theirs). */
export async function markLeadEmContato(
  tx: Db,
  lead: Pick<Lead, "id" | "imobiliariaId" | "corretorId">,
  at: Date,
): Promise<Lead | null> {
  if (!lead.imobiliariaId || !lead.corretorId) return null;
  const [row] = await tx
    .update(leads)
    .set({ status: "em_contato", dataUltimaInteracao: at })
    .where(and(scoped(lead.imobiliariaId, lead.id), eq(leads.corretorId, lead.corretorId), eq(leads.status, "novo")))
    .returning();
  return row ?? null;
}

/** Moves the lead from `deCorretorId` to `paraCorretorId`; null when it no longer belongs to the first. */
export async function reassignLead(
  tx: Db,
  lead: Pick<Lead, "id" | "imobiliariaId">,
  deCorretorId: string,
  paraCorretorId: string,
): Promise<Lead | null> {
  if (!lead.imobiliariaId) return null;
  const [row] = await tx
    .update(leads)
    .set({ corretorId: idSchema.parse(paraCorretorId) })
    .where(and(scoped(lead.imobiliariaId, lead.id), eq(leads.corretorId, idSchema.parse(deCorretorId))))
    .returning();
  return row ?? null;
}
