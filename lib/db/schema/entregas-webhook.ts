import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, varchar } from "drizzle-orm/pg-core";
import { imobiliarias } from "./imobiliarias";
import { leads } from "./leads";

export const PORTAIS = ["grupo-olx", "chaves-na-mao", "imovelweb", "generico"] as const;
export type Portal = (typeof PORTAIS)[number];
export const RESULTADOS_ENTREGA = ["aceita", "duplicada", "rejeitada"] as const;

/** Every portal delivery; (agency, portal, external id) is the delivery's idempotency key. */
export const entregasWebhook = pgTable(
  "entregas_webhook",
  {
    id: varchar("id", { length: 50 }).primaryKey(),
    imobiliariaId: varchar("imobiliaria_id", { length: 50 })
      .notNull()
      .references(() => imobiliarias.id),
    portal: varchar("portal", { length: 30 }).$type<Portal>().notNull(),
    externalId: varchar("external_id", { length: 120 }).notNull(),
    recebidoEm: timestamp("recebido_em", { withTimezone: true }).notNull().defaultNow(),
    resultado: varchar("resultado", { length: 20 }).$type<(typeof RESULTADOS_ENTREGA)[number]>().notNull(),
    statusHttp: integer("status_http"),
    leadId: varchar("lead_id", { length: 50 }).references(() => leads.id),
    erro: text("erro"),
    /** Raw body, kept only for the retention period (LGPD). */
    corpo: jsonb("corpo"),
  },
  (t) => [
    uniqueIndex("uq_entregas_portal_externo").on(t.imobiliariaId, t.portal, t.externalId),
    index("idx_entregas_recebido").on(t.recebidoEm),
    // The quiet-portal watch (agents/vigilante/portal-silencioso): one portal's newest deliveries and
    // its last 14 days, read backwards, every sweep; without it each read walked all the portal's rows.
    index("idx_entregas_imobiliaria_portal_recebido").on(t.imobiliariaId, t.portal, t.recebidoEm),
  ],
);
