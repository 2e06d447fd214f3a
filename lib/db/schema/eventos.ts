import { sql } from "drizzle-orm";
import { boolean, index, jsonb, pgTable, text, timestamp, varchar } from "drizzle-orm/pg-core";
import { corretores } from "./corretores";
import { imobiliarias } from "./imobiliarias";
import { leads } from "./leads";

export const EVENTO_TIPOS = [
  "novo_lead",
  "lead_retorno",
  "visita_solicitada",
  "sla_violado",
  "follow_up_vencido",
  "portal_silencioso",
  "resumo_diario",
  "resumo_semanal",
] as const;
export type EventoTipo = (typeof EVENTO_TIPOS)[number];
export const URGENCIAS = ["baixa", "media", "alta", "critica"] as const;
export type Urgencia = (typeof URGENCIAS)[number];

/** The seed's `eventos`: one detection; `processado` turns true once the Orquestrador decided. */
export const eventos = pgTable(
  "eventos",
  {
    id: varchar("id", { length: 50 }).primaryKey(),
    tipo: varchar("tipo", { length: 50 }).$type<EventoTipo>(),
    urgencia: varchar("urgencia", { length: 20 }).$type<Urgencia>(),
    corretorId: varchar("corretor_id", { length: 50 }).references(() => corretores.id),
    leadId: varchar("lead_id", { length: 50 }).references(() => leads.id),
    titulo: varchar("titulo", { length: 500 }),
    descricao: text("descricao"),
    acaoRecomendada: text("acao_recomendada"),
    dataDeteccao: timestamp("data_deteccao").defaultNow(),
    processado: boolean("processado").default(false),
    metadata: jsonb("metadata").$type<Record<string, unknown>>(),
    imobiliariaId: varchar("imobiliaria_id", { length: 50 }).references(() => imobiliarias.id),
    /**
     * The `agrupada` message that told this event (decided `agrupar`), set in the digest's own
     * transaction. No foreign key: erasing a digest must not make its events look untold (and resent).
     */
    mensagemAgrupadaId: varchar("mensagem_agrupada_id", { length: 50 }),
  },
  (t) => [
    index("idx_eventos_corretor").on(t.corretorId),
    index("idx_eventos_processado").on(t.processado),
    index("idx_eventos_lead").on(t.leadId),
    // Only the events still waiting for a digest: the grouping sweep reads this every pass, and the
    // table keeps every event ever decided. The predicate is aguardandoAgrupamento's (queries/eventos.ts).
    index("idx_eventos_aguardando_agrupamento")
      .on(t.corretorId, t.id)
      .where(
        sql`processado = true and mensagem_agrupada_id is null and (metadata -> 'decisao' ->> 'acao') = 'agrupar' and (metadata -> 'cancelamento') is null`,
      ),
  ],
);
