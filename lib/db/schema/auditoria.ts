import { index, jsonb, pgTable, serial, timestamp, varchar } from "drizzle-orm/pg-core";

/** Who changed what: settings and personal-data actions. Holds ids only, never personal data. */
export const auditoria = pgTable(
  "auditoria",
  {
    id: serial("id").primaryKey(),
    imobiliariaId: varchar("imobiliaria_id", { length: 50 }),
    usuarioId: varchar("usuario_id", { length: 50 }),
    acao: varchar("acao", { length: 80 }).notNull(),
    alvoTipo: varchar("alvo_tipo", { length: 40 }),
    alvoId: varchar("alvo_id", { length: 50 }),
    detalhes: jsonb("detalhes").$type<Record<string, unknown>>(),
    criadoEm: timestamp("criado_em", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("idx_auditoria_imobiliaria_criado").on(t.imobiliariaId, t.criadoEm)],
);
