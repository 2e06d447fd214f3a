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
  /** Visit reminders (agents/vigilante/visitas): decided when written, never by the Orquestrador. */
  "lembrete_visita",
  "pos_visita",
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
    // /eventos walks these newest-detected first, a page at a time (keyset on detection time, then id):
    // the whole agency, one broker's events (a corretor's own list, a manager's broker filter), one tipo
    // (a rare tipo such as sla_violado would otherwise walk every event of the agency to fill a page).
    index("idx_eventos_imobiliaria_deteccao").on(t.imobiliariaId, t.dataDeteccao.desc().nullsLast(), t.id.desc()),
    index("idx_eventos_imobiliaria_corretor_deteccao").on(
      t.imobiliariaId,
      t.corretorId,
      t.dataDeteccao.desc().nullsLast(),
      t.id.desc(),
    ),
    index("idx_eventos_imobiliaria_tipo_deteccao").on(
      t.imobiliariaId,
      t.tipo,
      t.dataDeteccao.desc().nullsLast(),
      t.id.desc(),
    ),
    // Only the events still waiting for a digest: the grouping sweep reads this every pass, and the
    // table keeps every event ever decided. The predicate is aguardandoAgrupamento's (queries/eventos.ts).
    index("idx_eventos_aguardando_agrupamento")
      .on(t.corretorId, t.id)
      .where(
        sql`processado = true and mensagem_agrupada_id is null and (metadata -> 'decisao' ->> 'acao') = 'agrupar' and (metadata -> 'cancelamento') is null`,
      ),
  ],
);
