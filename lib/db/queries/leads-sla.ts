// The first-response SLA chain's reads and writes on `leads` (agents/vigilante/sla/). Every write is a
// compare-and-set on the step the caller saw, so two sweeps (or two runners) racing on one lead move
// it once: the loser's update finds nothing and it does nothing else.
import { and, asc, eq, lte, sql, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import { leads } from "../schema";
import { idSchema } from "./columns";

/** The last step of the chain: a lead at it has nothing left (`sla_etapa < 3` leaves the index). */
export const SLA_ULTIMA_ETAPA = 3;

/** When the sweep next needs to look at the lead: its column, else the clock start (hand-over, else arrival). */
const proximaOlhada = sql`coalesce(${leads.slaProximaEm}, ${leads.slaDesde}, ${leads.dataPrimeiroContato})`;

/**
 * Still waiting for the broker's first response, with a step left: idx_leads_sla_pendente's predicate,
 * written the same way, so the planner reads that small partial index and never the 100,000 leads.
 */
const SLA_PENDENTE: SQL = sql`${leads.primeiraRespostaEm} is null and ${leads.corretorId} is not null and ${leads.slaEtapa} < 3 and ${leads.status} not in ('fechado', 'perdido')`;

export type LeadSlaPendente = {
  id: string;
  imobiliariaId: string;
  corretorId: string;
  nome: string;
  /** Only to decide whether the message can carry a WhatsApp link to the lead. */
  telefone: string;
  origem: string | null;
  score: number;
  etapa: number;
  /** The current broker's clock start: the hand-over, else the arrival. */
  desde: Date;
  teste: boolean;
};

export function slaPendentesQuery(db: Db, now: Date, limit: number) {
  return db
    .select({
      id: leads.id,
      imobiliariaId: leads.imobiliariaId,
      corretorId: leads.corretorId,
      nome: leads.nome,
      telefone: leads.telefone,
      origem: leads.origem,
      score: leads.score,
      etapa: leads.slaEtapa,
      desde: sql<Date>`coalesce(${leads.slaDesde}, ${leads.dataPrimeiroContato})`.mapWith(leads.dataPrimeiroContato),
      teste: sql<boolean>`coalesce((${leads.metadata} ->> 'teste')::boolean, false)`,
    })
    .from(leads)
    .where(and(SLA_PENDENTE, lte(proximaOlhada, now)))
    .orderBy(asc(proximaOlhada))
    .limit(limit);
}

/** Leads whose next look is due, oldest first, at most `limit` per pass. */
export async function listSlaPendentes(db: Db, now: Date, limit = 500): Promise<LeadSlaPendente[]> {
  const rows = await slaPendentesQuery(db, now, limit);
  return rows.flatMap((r) =>
    r.imobiliariaId && r.corretorId && r.desde
      ? [{ ...r, imobiliariaId: r.imobiliariaId, corretorId: r.corretorId, score: r.score ?? 0, teste: !!r.teste }]
      : [],
  );
}

export type SlaMovimento = {
  leadId: string;
  corretorId: string;
  /** The step the caller saw; nothing changes when the lead is no longer at it. */
  deEtapa: number;
  paraEtapa: number;
  /** The next look (null: the chain ends, or its clock start). */
  proximaEm: Date | null;
};

/**
 * Moves the chain from `deEtapa` to `paraEtapa` if the lead is still the same broker's, unanswered
 * and open; false when it was not (someone moved it first, or the broker answered meanwhile).
 */
export async function moveSlaEtapa(db: Db, m: SlaMovimento): Promise<boolean> {
  const rows = await db
    .update(leads)
    .set({ slaEtapa: m.paraEtapa, slaProximaEm: m.proximaEm })
    .where(
      and(
        eq(leads.id, idSchema.parse(m.leadId)),
        eq(leads.corretorId, idSchema.parse(m.corretorId)),
        eq(leads.slaEtapa, m.deEtapa),
        SLA_PENDENTE,
      ),
    )
    .returning({ id: leads.id });
  return rows.length > 0;
}
