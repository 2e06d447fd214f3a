// Read-only figures of one broker's day for the daily summary (like stats.ts, a report that reads
// several tables; the tables' writes stay in their own modules). Bounds are [desde, ate) instants.
import { and, asc, count, desc, eq, gte, lt } from "drizzle-orm";
import type { Db } from "../client";
import { eventos, leads, mensagens } from "../schema";
import { idSchema } from "./columns";
import type { Lead } from "./leads";

type Janela = { corretorId: string; desde: Date; ate: Date };

/** Leads the broker holds that first reached us in the window, best score first. */
export async function listLeadsRecebidos(db: Db, j: Janela): Promise<Lead[]> {
  return db
    .select()
    .from(leads)
    .where(and(
      eq(leads.corretorId, idSchema.parse(j.corretorId)),
      gte(leads.dataPrimeiroContato, j.desde),
      lt(leads.dataPrimeiroContato, j.ate),
    ))
    .orderBy(desc(leads.score), asc(leads.id));
}

/** Leads whose alert to this broker the daily quota held back (still `retida_cota`) in the window. */
export async function listLeadsRetidos(db: Db, j: Janela): Promise<Lead[]> {
  const rows = await db
    .select({ lead: leads })
    .from(mensagens)
    .innerJoin(leads, eq(leads.id, mensagens.leadId))
    .where(and(
      eq(mensagens.corretorId, idSchema.parse(j.corretorId)),
      eq(mensagens.tipo, "alerta"),
      eq(mensagens.status, "retida_cota"),
      gte(mensagens.criadoEm, j.desde),
      lt(mensagens.criadoEm, j.ate),
    ));
  // One lead may have had several alerts held (a repeat inquiry): list it once.
  return [...new Map(rows.map((r) => [r.lead.id, r.lead])).values()];
}

/** The broker's leads that reached us in the window and are still `novo` (no first contact yet). */
export async function listLeadsSemContato(db: Db, j: Janela): Promise<Lead[]> {
  return db
    .select()
    .from(leads)
    .where(and(
      eq(leads.corretorId, idSchema.parse(j.corretorId)),
      eq(leads.status, "novo"),
      gte(leads.dataPrimeiroContato, j.desde),
      lt(leads.dataPrimeiroContato, j.ate),
    ))
    .orderBy(desc(leads.score), asc(leads.id));
}

/** Leads of the broker with a visit request detected in the window. */
export async function listLeadIdsComVisitaSolicitada(db: Db, j: Janela): Promise<Set<string>> {
  const rows = await db
    .selectDistinct({ leadId: eventos.leadId })
    .from(eventos)
    .where(and(
      eq(eventos.corretorId, idSchema.parse(j.corretorId)),
      eq(eventos.tipo, "visita_solicitada"),
      gte(eventos.dataDeteccao, j.desde),
      lt(eventos.dataDeteccao, j.ate),
    ));
  return new Set(rows.flatMap((r) => (r.leadId ? [r.leadId] : [])));
}

/** Visit requests detected for the broker in the window. */
export async function countVisitasSolicitadas(db: Db, j: Janela): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(eventos)
    .where(and(
      eq(eventos.corretorId, idSchema.parse(j.corretorId)),
      eq(eventos.tipo, "visita_solicitada"),
      gte(eventos.dataDeteccao, j.desde),
      lt(eventos.dataDeteccao, j.ate),
    ));
  return Number(row?.n ?? 0);
}
