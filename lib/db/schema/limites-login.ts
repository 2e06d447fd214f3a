import { integer, pgTable, timestamp, varchar } from "drizzle-orm/pg-core";

/**
 * Login attempt counters when the KV is unreachable (lib/auth/login-counters.ts): the same keys and
 * windows as in the KV, so the limits hold through a Redis outage. Expired rows are overwritten.
 */
export const limitesLogin = pgTable("limites_login", {
  chave: varchar("chave", { length: 100 }).primaryKey(),
  contagem: integer("contagem").notNull(),
  expiraEm: timestamp("expira_em", { withTimezone: true }).notNull(),
});
