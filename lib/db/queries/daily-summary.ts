// Read-only figures of one broker's day for the daily summary (like stats.ts, a report that reads
// several tables; the tables' writes stay in their own modules). Bounds are [desde, ate) instants.
import { and, asc, count, desc, eq, gte, lt, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { Db } from "../client";
import { eventos, leads, mensagens } from "../schema";
import { idSchema } from "./columns";
import type { Lead } from "./leads";

type Janela = { corretorId: string; desde: Date; ate: Date };

/** One table's rows of the window: the broker's, `quando` in [desde, ate), and what the query adds. */
function daJanela(j: Janela, corretorId: PgColumn, quando: PgColumn, ...mais: SQL[]): SQL | undefined {
  return and(eq(corretorId, idSchema.parse(j.corretorId)), ...mais, gte(quando, j.desde), lt(quando, j.ate));
}

/** The broker's leads that first reached us in the window and match `mais`, best score first. */
const leadsDaJanela = (db: Db, j: Janela, ...mais: SQL[]): Promise<Lead[]> =>
  db
    .select()
    .from(leads)
    .where(daJanela(j, leads.corretorId, leads.dataPrimeiroContato, ...mais))
    .orderBy(desc(leads.score), asc(leads.id));

const visitasDaJanela = (j: Janela) =>
  daJanela(j, eventos.corretorId, eventos.dataDeteccao, eq(eventos.tipo, "visita_solicitada"));

/** Leads the broker holds that first reached us in the window, best score first. */
export async function listLeadsRecebidos(db: Db, j: Janela): Promise<Lead[]> {
  return leadsDaJanela(db, j);
}

/** Leads whose alert to this broker the daily quota held back (still `retida_cota`) in the window. */
export async function listLeadsRetidos(db: Db, j: Janela): Promise<Lead[]> {
  const rows = await db
    .select({ lead: leads })
    .from(mensagens)
    .innerJoin(leads, eq(leads.id, mensagens.leadId))
    .where(
      daJanela(
        j,
        mensagens.corretorId,
        mensagens.criadoEm,
        eq(mensagens.tipo, "alerta"),
        eq(mensagens.status, "retida_cota"),
      ),
    );
  // One lead may have had several alerts held (a repeat inquiry): list it once.
  return [...new Map(rows.map((r) => [r.lead.id, r.lead])).values()];
}

/** The broker's leads that reached us in the window and are still `novo` (no first contact yet). */
export async function listLeadsSemContato(db: Db, j: Janela): Promise<Lead[]> {
  return leadsDaJanela(db, j, eq(leads.status, "novo"));
}

/** Leads of the broker with a visit request detected in the window. */
export async function listLeadIdsComVisitaSolicitada(db: Db, j: Janela): Promise<Set<string>> {
  const rows = await db.selectDistinct({ leadId: eventos.leadId }).from(eventos).where(visitasDaJanela(j));
  return new Set(rows.flatMap((r) => (r.leadId ? [r.leadId] : [])));
}

/** Visit requests detected for the broker in the window. */
export async function countVisitasSolicitadas(db: Db, j: Janela): Promise<number> {
  const [row] = await db.select({ n: count() }).from(eventos).where(visitasDaJanela(j));
  return Number(row?.n ?? 0);
}
