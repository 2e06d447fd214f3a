import { sql, type SQL } from "drizzle-orm";
import { index, integer, jsonb, pgTable, smallint, timestamp, varchar, type AnyPgColumn } from "drizzle-orm/pg-core";
import { corretores } from "./corretores";
import { imobiliarias } from "./imobiliarias";
import { imoveis } from "./imoveis";

// Postgres and PGlite both have translate(); unaccent is an extension neither may have. Covers pt-BR.
const ACENTOS = "áàâãäéèêëíìîïóòôõöúùûüçñ";
const SEM_ACENTOS = "aaaaaeeeeiiiiooooouuuucn";

/**
 * A name as /leads' search compares it: lower-cased, without accents. The trigram index below is on
 * this very expression, so the search must use this function: the literals are inlined (a bound
 * parameter in their place would not match the indexed expression and the index would go unused).
 */
export function nomeDobrado(nome: AnyPgColumn): SQL {
  return sql`translate(lower(${nome}), ${sql.raw(`'${ACENTOS}'`)}, ${sql.raw(`'${SEM_ACENTOS}'`)})`;
}

export const LEAD_STATUS = [
  "novo",
  "em_contato",
  "visita_agendada",
  "visita_realizada",
  "proposta",
  "fechado",
  "perdido",
] as const;
export type LeadStatus = (typeof LEAD_STATUS)[number];
/** Statuses in which a lead is still being worked (the roleta's tie-break counts these). */
export const OPEN_LEAD_STATUS = [
  "novo",
  "em_contato",
  "visita_agendada",
  "visita_realizada",
  "proposta",
] as const satisfies readonly LeadStatus[];

/** What the lead is looking for; the DemandAggregator reads it. */
export type Busca = {
  tipo?: string;
  finalidade?: "venda" | "aluguel";
  bairro?: string;
  cidade?: string;
  uf?: string;
  precoMin?: number;
  precoMax?: number;
  quartos?: number;
};

/** The seed's `leads`, column for column, plus agency and listing. */
export const leads = pgTable(
  "leads",
  {
    id: varchar("id", { length: 50 }).primaryKey(),
    corretorId: varchar("corretor_id", { length: 50 }).references(() => corretores.id),
    nome: varchar("nome", { length: 200 }).notNull(),
    telefone: varchar("telefone", { length: 20 }).notNull(),
    email: varchar("email", { length: 200 }),
    origem: varchar("origem", { length: 50 }),
    dataPrimeiroContato: timestamp("data_primeiro_contato"),
    dataUltimaInteracao: timestamp("data_ultima_interacao"),
    score: integer("score").default(0),
    status: varchar("status", { length: 50 }).$type<LeadStatus>(),
    busca: jsonb("busca").$type<Busca>(),
    metadata: jsonb("metadata").$type<Record<string, unknown>>(),
    imobiliariaId: varchar("imobiliaria_id", { length: 50 }).references(() => imobiliarias.id),
    imovelId: varchar("imovel_id", { length: 50 }).references(() => imoveis.id),
    /**
     * The broker's first response (RESPOSTA_DO_CORRETOR_TIPOS after arrival, a hand-over excluded), kept by
     * the trigger of migration 0013 on every interacoes insert: /metricas reads it instead of joining
     * interacoes for every lead of the period (2.6 s → see docs/performance.md at 100,000 leads).
     */
    primeiraRespostaEm: timestamp("primeira_resposta_em"),
    /**
     * The first-response SLA chain (agents/vigilante/sla/): steps already taken (0 none, 1 broker
     * reminded, 2 managers alerted, 3 nothing left), the current broker's clock start (null = the lead's
     * arrival; a hand-over restarts it) and the earliest instant the sweep needs to look at the lead
     * again (null = its clock start). The sweep moves them forward by compare-and-set on `sla_etapa`.
     */
    slaEtapa: smallint("sla_etapa").notNull().default(0),
    slaDesde: timestamp("sla_desde"),
    slaProximaEm: timestamp("sla_proxima_em"),
    /**
     * When the scheduled visit is (set by a move to `visita_agendada` with a date, and by a new date):
     * the visit-reminder sweep reads it through idx_leads_visita_agendada (agents/vigilante/visitas).
     */
    visitaEm: timestamp("visita_em", { withTimezone: true }),
  },
  (t) => [
    index("idx_leads_corretor").on(t.corretorId),
    index("idx_leads_score").on(sql`${t.score} DESC`),
    index("idx_leads_status").on(t.status),
    // The intake's "same person within 90 days" lookup, newest first, in one index range whatever the
    // planner's statistics: with (agency, phone) only, a cached generic plan on unanalyzed tables
    // walked every lead of the agency by date instead (measured: ~700 rows per intake at 2,000 leads).
    index("idx_leads_imobiliaria_telefone_contato").on(t.imobiliariaId, t.telefone, t.dataPrimeiroContato),
    index("idx_leads_imobiliaria_email_contato").on(t.imobiliariaId, t.email, t.dataPrimeiroContato),
    index("idx_leads_imobiliaria_contato").on(t.imobiliariaId, t.dataPrimeiroContato),
    // The roleta's tie-break counts open leads per broker on every intake.
    index("idx_leads_imobiliaria_status_corretor").on(t.imobiliariaId, t.status, t.corretorId),
    // /leads walks these newest-received first, a page at a time (keyset on receipt time, then id):
    // the whole agency, one broker's leads (a corretor's own list, a manager's broker filter), one status.
    index("idx_leads_imobiliaria_recebido").on(t.imobiliariaId, t.dataPrimeiroContato.desc().nullsLast(), t.id.desc()),
    index("idx_leads_imobiliaria_corretor_recebido").on(
      t.imobiliariaId,
      t.corretorId,
      t.dataPrimeiroContato.desc().nullsLast(),
      t.id.desc(),
    ),
    // Name and e-mail search (`%text%`, pg_trgm): without them a rare name walked every lead of the filter.
    index("idx_leads_nome_trgm").using("gin", sql`${nomeDobrado(t.nome)} gin_trgm_ops`),
    index("idx_leads_email_trgm").using("gin", t.email.op("gin_trgm_ops")),
    // /metricas: an index-only range of the period's leads with everything its aggregates read.
    index("idx_leads_metricas").on(
      t.imobiliariaId,
      t.dataPrimeiroContato,
      t.corretorId,
      t.origem,
      t.status,
      t.primeiraRespostaEm,
    ),
    // The SLA sweep, every minute: only leads still waiting for a first response with a step left (a
    // few hundred among 100,000), ordered by when they next need a look. The predicate is SLA_PENDENTE's
    // (lib/db/queries/leads-sla.ts), word for word, or the planner cannot use it.
    index("idx_leads_sla_pendente")
      .on(sql`(coalesce(${t.slaProximaEm}, ${t.slaDesde}, ${t.dataPrimeiroContato}))`)
      .where(
        sql`primeira_resposta_em is null and corretor_id is not null and sla_etapa < 3 and status not in ('fechado', 'perdido')`,
      ),
    index("idx_leads_imobiliaria_status_recebido").on(
      t.imobiliariaId,
      t.status,
      t.dataPrimeiroContato.desc().nullsLast(),
      t.id.desc(),
    ),
    // The visit sweep, every pass: only leads with a visit still on the books.
    index("idx_leads_visita_agendada")
      .on(t.visitaEm)
      .where(sql`status = 'visita_agendada' and visita_em is not null`),
    // The follow-up cadence, once a local day per agency: open leads by their last interaction.
    index("idx_leads_follow_up")
      .on(t.imobiliariaId, t.dataUltimaInteracao)
      .where(sql`status in ('em_contato', 'visita_agendada', 'proposta') and corretor_id is not null`),
    // /visao-geral's headline counts (countLeads: all, hot, sem contato) as an index-only range.
    // The sweep's look for new leads left without the model's reply draft (listLeadsSemRascunho): a day's window.
    index("idx_leads_recebido").on(t.dataPrimeiroContato),
    index("idx_leads_imobiliaria_contagens").on(t.imobiliariaId, t.status, t.score, t.corretorId, t.id),
  ],
);
