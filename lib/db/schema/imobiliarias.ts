import { jsonb, pgTable, timestamp, varchar } from "drizzle-orm/pg-core";
import type { ConfiguracoesImobiliaria } from "@/lib/domain/configuracoes-imobiliaria";

/** An agency: the tenant every other row belongs to. */
export const imobiliarias = pgTable("imobiliarias", {
  id: varchar("id", { length: 50 }).primaryKey(),
  slug: varchar("slug", { length: 80 }).notNull().unique(),
  nome: varchar("nome", { length: 200 }).notNull(),
  cidade: varchar("cidade", { length: 120 }),
  uf: varchar("uf", { length: 2 }),
  timezone: varchar("timezone", { length: 64 }).notNull().default("America/Sao_Paulo"),
  configuracoes: jsonb("configuracoes").$type<ConfiguracoesImobiliaria>().notNull(),
  criadoEm: timestamp("criado_em", { withTimezone: true }).notNull().defaultNow(),
});
