import { sql } from "drizzle-orm";
import { index, jsonb, pgTable, timestamp, uniqueIndex, varchar } from "drizzle-orm/pg-core";

/** The operator's alerts (agents/vigilante/operacao): what the sweep watches about Lastro itself. */
export const INCIDENTE_TIPOS = ["latencia", "taxa_de_erro", "redis_fora", "backlog"] as const;
export type IncidenteTipo = (typeof INCIDENTE_TIPOS)[number];
export const SEVERIDADES = ["warning", "critical"] as const;
export type Severidade = (typeof SEVERIDADES)[number];

/**
 * One incident of the whole installation (not one agency's): opened once, resolved once. The partial
 * unique index lets only one open row per kind exist, so two runners evaluating at once open one.
 * `detalhes` holds figures only (counts, minutes, rates): never personal data.
 */
export const incidentes = pgTable(
  "incidentes",
  {
    id: varchar("id", { length: 50 }).primaryKey(),
    tipo: varchar("tipo", { length: 30 }).$type<IncidenteTipo>().notNull(),
    severidade: varchar("severidade", { length: 10 }).$type<Severidade>().notNull(),
    abertoEm: timestamp("aberto_em", { withTimezone: true }).notNull(),
    resolvidoEm: timestamp("resolvido_em", { withTimezone: true }),
    detalhes: jsonb("detalhes").$type<Record<string, number | string | null>>().notNull().default({}),
  },
  (t) => [
    uniqueIndex("uq_incidentes_aberto_por_tipo")
      .on(t.tipo)
      .where(sql`${t.resolvidoEm} is null`),
    index("idx_incidentes_aberto_em").on(t.abertoEm),
  ],
);
