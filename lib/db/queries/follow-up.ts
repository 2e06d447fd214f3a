// Reads of the follow-up cadence (agents/vigilante/follow-up): which open leads have gone quiet,
// what the ConversationAnalyzer last suggested for them, and which steps are already recorded.
// A report over several tables, like daily-summary.ts; each table's writes stay in its own module.
import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../client";
import { eventos, imobiliarias, interacoes, leads, type LeadStatus } from "../schema";
import { idSchema } from "./columns";

/** The statuses the cadence chases; the predicate of idx_leads_follow_up. */
export const FOLLOW_UP_STATUS = ["em_contato", "visita_agendada", "proposta"] as const satisfies readonly LeadStatus[];

export type ImobiliariaParaVarredura = { id: string; timezone: string; configuracoes: unknown };

/** Every agency with what a sweep needs to know about it (few rows: one per agency). */
export async function listImobiliariasParaVarredura(db: Db): Promise<ImobiliariaParaVarredura[]> {
  return db
    .select({ id: imobiliarias.id, timezone: imobiliarias.timezone, configuracoes: imobiliarias.configuracoes })
    .from(imobiliarias)
    .orderBy(asc(imobiliarias.id));
}

export type LeadParado = {
  id: string;
  nome: string;
  corretorId: string;
  status: LeadStatus;
  score: number;
  dataUltimaInteracao: Date;
};

/**
 * The agency's open leads with a broker whose last interaction is in [desde, antesDe), through
 * idx_leads_follow_up. A visit still ahead (`visita_em` ≥ `agora`) is the next step already: the
 * visit reminders cover it, and quiet until then is expected.
 */
export async function listLeadsParados(
  db: Db,
  filtro: { imobiliariaId: string; desde: Date; antesDe: Date; agora: Date },
): Promise<LeadParado[]> {
  const rows = await db
    .select({
      id: leads.id,
      nome: leads.nome,
      corretorId: leads.corretorId,
      status: leads.status,
      score: leads.score,
      dataUltimaInteracao: leads.dataUltimaInteracao,
    })
    .from(leads)
    .where(
      and(
        eq(leads.imobiliariaId, idSchema.parse(filtro.imobiliariaId)),
        sql`${leads.status} in ('em_contato', 'visita_agendada', 'proposta') and ${leads.corretorId} is not null`,
        // A person who asked not to be contacted gets no follow-up nudges (agents/vigilante/opt-out.ts).
        sql`(${leads.metadata} -> 'optOut') is null`,
        gte(leads.dataUltimaInteracao, filtro.desde),
        lt(leads.dataUltimaInteracao, filtro.antesDe),
        or(isNull(leads.visitaEm), lt(leads.visitaEm, filtro.agora)),
      ),
    )
    .orderBy(asc(leads.dataUltimaInteracao), asc(leads.id));
  return rows.map((r) => ({
    ...r,
    corretorId: r.corretorId!,
    status: r.status!,
    score: r.score ?? 0,
    dataUltimaInteracao: r.dataUltimaInteracao!,
  }));
}

/** Which of these event ids exist already (a step recorded by an earlier sweep or another runner). */
export async function listEventoIdsExistentes(db: Db, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: eventos.id })
    .from(eventos)
    .where(inArray(eventos.id, z.array(idSchema).parse(ids)));
  return new Set(rows.map((r) => r.id));
}

/** Each lead's latest ConversationAnalyzer result (raw: the caller validates it), by lead id. */
export async function listUltimasAnalises(db: Db, leadIds: string[]): Promise<Map<string, unknown>> {
  if (leadIds.length === 0) return new Map();
  const rows = await db
    .selectDistinctOn([interacoes.leadId], { leadId: interacoes.leadId, analise: interacoes.analise })
    .from(interacoes)
    .where(and(inArray(interacoes.leadId, z.array(idSchema).parse(leadIds)), isNotNull(interacoes.analise)))
    .orderBy(interacoes.leadId, desc(interacoes.data), desc(interacoes.id));
  return new Map(rows.map((r) => [r.leadId!, r.analise]));
}

export type FollowUpDoDia = {
  leadId: string;
  nome: string;
  origem: string | null;
  score: number;
  telefone: string;
  acaoRecomendada: string | null;
  dias: number | null;
};

/**
 * The broker's follow-ups detected in [desde, ate) whose lead is still open and still theirs, best
 * score first: the daily summary's "follow-ups de hoje". A lead is listed once (its latest step).
 */
export async function listFollowUpsDoDia(
  db: Db,
  janela: { corretorId: string; desde: Date; ate: Date },
): Promise<FollowUpDoDia[]> {
  const corretorId = idSchema.parse(janela.corretorId);
  const rows = await db
    .selectDistinctOn([leads.id], {
      leadId: leads.id,
      nome: leads.nome,
      origem: leads.origem,
      score: leads.score,
      telefone: leads.telefone,
      acaoRecomendada: eventos.acaoRecomendada,
      dias: sql<number | null>`(${eventos.metadata} ->> 'dias')::int`,
    })
    .from(eventos)
    .innerJoin(leads, eq(leads.id, eventos.leadId))
    .where(
      and(
        eq(eventos.corretorId, corretorId),
        eq(eventos.tipo, "follow_up_vencido"),
        gte(eventos.dataDeteccao, janela.desde),
        lt(eventos.dataDeteccao, janela.ate),
        eq(leads.corretorId, corretorId),
        inArray(leads.status, [...FOLLOW_UP_STATUS]),
        // Answered since (a call, a note, a move): no longer due.
        lt(leads.dataUltimaInteracao, eventos.dataDeteccao),
      ),
    )
    .orderBy(leads.id, desc(eventos.dataDeteccao));
  return rows
    .map((r) => ({ ...r, score: r.score ?? 0 }))
    .sort((a, b) => b.score - a.score || a.leadId.localeCompare(b.leadId));
}
