// The leads table as a broker changes it: the WhatsApp replies ("Já contatei", "Passar adiante") and
// the lead page's funnel moves and notes. Each write names the state it expects (status `novo`, the current broker), so a race or a
// retried webhook finds nothing to change instead of changing it twice.
import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../client";
import { LEAD_STATUS, leads, type LeadStatus } from "../schema";
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

/**
 * Moves the lead from `deCorretorId` (null: a lead with no broker) to `paraCorretorId`; null when it
 * no longer belongs to the first. The new broker's first-response SLA clock starts `at`.
 */
export async function reassignLead(
  tx: Db,
  lead: Pick<Lead, "id" | "imobiliariaId">,
  deCorretorId: string | null,
  paraCorretorId: string,
  at: Date,
): Promise<Lead | null> {
  if (!lead.imobiliariaId) return null;
  const dono = deCorretorId === null ? isNull(leads.corretorId) : eq(leads.corretorId, idSchema.parse(deCorretorId));
  const [row] = await tx
    .update(leads)
    .set({ corretorId: idSchema.parse(paraCorretorId), slaEtapa: 0, slaDesde: at, slaProximaEm: null })
    .where(and(scoped(lead.imobiliariaId, lead.id), dono))
    .returning();
  return row ?? null;
}

/** Moves the lead from status `de` to `para`; null when it was no longer in `de` (someone moved it first). */
export async function moveLeadStatus(
  tx: Db,
  lead: Pick<Lead, "id" | "imobiliariaId">,
  mudanca: { de: LeadStatus | null; para: LeadStatus; at: Date },
): Promise<Lead | null> {
  if (!lead.imobiliariaId) return null;
  const atual = mudanca.de === null ? isNull(leads.status) : eq(leads.status, mudanca.de);
  const [row] = await tx
    .update(leads)
    .set({ status: z.enum(LEAD_STATUS).parse(mudanca.para), dataUltimaInteracao: mudanca.at })
    .where(and(scoped(lead.imobiliariaId, lead.id), atual))
    .returning();
  return row ?? null;
}

/** A note or other interaction on the lead: only `data_ultima_interacao` moves. */
export async function touchLeadInteracao(tx: Db, lead: Pick<Lead, "id" | "imobiliariaId">, at: Date): Promise<void> {
  if (!lead.imobiliariaId) return;
  await tx.update(leads).set({ dataUltimaInteracao: at }).where(scoped(lead.imobiliariaId, lead.id));
}
