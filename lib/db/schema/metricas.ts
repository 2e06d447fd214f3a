// The daily rollup behind /metricas, /visao-geral and a broker's page: per agency-local day, the counts
// those figures add up, kept exact by Postgres itself (statement triggers of migration 0022 on leads,
// mensagens and imobiliarias' timezone; docs/decisions/metricas-diarias.md). Never written by the app.
// `corretor_id` and `origem` are '' for "none" so they can be part of the key.
import { date, integer, jsonb, pgTable, primaryKey, smallint, varchar } from "drizzle-orm/pg-core";

const chaveDia = {
  imobiliariaId: varchar("imobiliaria_id", { length: 50 }).notNull(),
  /** The agency-local day (imobiliarias.timezone) the lead arrived or the message was created. */
  dia: date("dia", { mode: "string" }).notNull(),
  corretorId: varchar("corretor_id", { length: 50 }).notNull().default(""),
  /**
   * The writing connection's slice (lastro_metricas_fatia(): backend pid mod 8). Concurrent writers of one
   * agency, day and broker mostly increment different rows instead of queueing on one row lock until the
   * other commits; a figure is the sum over the slices (every reader sums), and a slice may hold a negative
   * count (a −1 written by another connection than the +1).
   */
  fatia: smallint("fatia").notNull().default(0),
};

/** Leads by day, broker and portal, and how many reached each funnel stage (lib/db/queries/metricas-leads.ts). */
export const metricasDiarias = pgTable(
  "metricas_diarias",
  {
    ...chaveDia,
    origem: varchar("origem", { length: 50 }).notNull().default(""),
    leads: integer("leads").notNull().default(0),
    contato: integer("contato").notNull().default(0),
    visita: integer("visita").notNull().default(0),
    proposta: integer("proposta").notNull().default(0),
    fechado: integer("fechado").notNull().default(0),
    /** Leads the roleta routed (metadata.roteamento roleta / roleta_fora_do_expediente). */
    roleta: integer("roleta").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.imobiliariaId, t.dia, t.corretorId, t.origem, t.fatia] })],
);

/** First-response histogram: how many of the day's leads were first answered after `segundos` whole seconds. */
export const metricasRespostasDiarias = pgTable(
  "metricas_respostas_diarias",
  {
    ...chaveDia,
    segundos: integer("segundos").notNull(),
    leads: integer("leads").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.imobiliariaId, t.dia, t.corretorId, t.segundos, t.fatia] })],
);

/** Messages created each day that went out, that the quota held, that wait for the broker's hours. */
export const metricasMensagensDiarias = pgTable(
  "metricas_mensagens_diarias",
  {
    ...chaveDia,
    enviadas: integer("enviadas").notNull().default(0),
    retidas: integer("retidas").notNull().default(0),
    agendadas: integer("agendadas").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.imobiliariaId, t.dia, t.corretorId, t.fatia] })],
);

/**
 * What the day's leads asked for (leads.busca), in the DemandAggregator's groups: `dimensao` busca (any
 * search at all; `chave` {}), bairro ({bairro}), tipo ({tipo}) or preco ({finalidade, precoMin, precoMax});
 * and imovel ({imovel}): the leads that asked about that listing.
 */
export const demandaDiaria = pgTable(
  "demanda_diaria",
  {
    ...chaveDia,
    dimensao: varchar("dimensao", { length: 10 }).notNull(),
    chave: jsonb("chave").$type<Record<string, string | number | null>>().notNull(),
    leads: integer("leads").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.imobiliariaId, t.dia, t.corretorId, t.dimensao, t.chave, t.fatia] })],
);
