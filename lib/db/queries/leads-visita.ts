// A lead's scheduled visit (`leads.visita_em`): set by the funnel move that schedules it, read by the
// visit-reminder sweep (agents/vigilante/visitas) through idx_leads_visita_agendada and by the
// broker's daily summary ("visitas de hoje").
import { and, asc, eq, gte, lt, sql } from "drizzle-orm";
import type { Db } from "../client";
import { leads } from "../schema";
import { idSchema } from "./columns";
import type { Lead } from "./leads";

/** The visit's time on the lead (null clears it). */
export async function setLeadVisitaEm(tx: Db, lead: Pick<Lead, "id" | "imobiliariaId">, visitaEm: Date | null) {
  if (!lead.imobiliariaId) return;
  await tx
    .update(leads)
    .set({ visitaEm })
    .where(and(eq(leads.imobiliariaId, idSchema.parse(lead.imobiliariaId)), eq(leads.id, idSchema.parse(lead.id))));
}

/** Leads still `visita_agendada` with a broker whose visit is in [desde, ate), earliest first (every agency). */
export async function listVisitasEntre(db: Db, janela: { desde: Date; ate: Date }, limit = 500): Promise<Lead[]> {
  return db
    .select()
    .from(leads)
    .where(
      and(
        sql`${leads.status} = 'visita_agendada' and ${leads.visitaEm} is not null`,
        sql`${leads.corretorId} is not null`,
        gte(leads.visitaEm, janela.desde),
        lt(leads.visitaEm, janela.ate),
      ),
    )
    .orderBy(asc(leads.visitaEm), asc(leads.id))
    .limit(limit);
}

/** The broker's visits in [desde, ate) still on the books, in time order. */
export async function listVisitasDoCorretor(
  db: Db,
  janela: { corretorId: string; desde: Date; ate: Date },
): Promise<Lead[]> {
  return db
    .select()
    .from(leads)
    .where(
      and(
        sql`${leads.status} = 'visita_agendada' and ${leads.visitaEm} is not null`,
        eq(leads.corretorId, idSchema.parse(janela.corretorId)),
        gte(leads.visitaEm, janela.desde),
        lt(leads.visitaEm, janela.ate),
      ),
    )
    .orderBy(asc(leads.visitaEm), asc(leads.id));
}
