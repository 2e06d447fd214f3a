import { boolean, pgTable, text, timestamp, uniqueIndex, varchar } from "drizzle-orm/pg-core";
import type { Portal } from "./entregas-webhook";
import { imobiliarias } from "./imobiliarias";

/** Per-agency portal credentials. The secret is only ever stored as AES-256-GCM ciphertext. */
export const integracoes = pgTable(
  "integracoes",
  {
    id: varchar("id", { length: 50 }).primaryKey(),
    imobiliariaId: varchar("imobiliaria_id", { length: 50 })
      .notNull()
      .references(() => imobiliarias.id),
    portal: varchar("portal", { length: 30 }).$type<Portal>().notNull(),
    /** Non-secret part of the credential, e.g. the login email for Chaves na Mão. */
    identificador: varchar("identificador", { length: 200 }),
    segredoCifrado: text("segredo_cifrado").notNull(),
    ativo: boolean("ativo").notNull().default(true),
    ultimaEntregaEm: timestamp("ultima_entrega_em", { withTimezone: true }),
    criadoEm: timestamp("criado_em", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("uq_integracoes_imobiliaria_portal").on(t.imobiliariaId, t.portal)],
);
