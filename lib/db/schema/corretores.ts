import { boolean, index, jsonb, pgTable, timestamp, uniqueIndex, varchar } from "drizzle-orm/pg-core";
import type { Preferencias } from "@/lib/domain/preferencias";
import { imobiliarias } from "./imobiliarias";

/** The seed's `corretores`, column for column, plus the agency it belongs to. */
export const corretores = pgTable(
  "corretores",
  {
    id: varchar("id", { length: 50 }).primaryKey(),
    nome: varchar("nome", { length: 200 }).notNull(),
    telefone: varchar("telefone", { length: 20 }).notNull(),
    email: varchar("email", { length: 200 }),
    imobiliaria: varchar("imobiliaria", { length: 200 }),
    ativo: boolean("ativo").default(true),
    dataCadastro: timestamp("data_cadastro").defaultNow(),
    preferencias: jsonb("preferencias").$type<Preferencias>(),
    atuacao: jsonb("atuacao").$type<{ bairros?: string[]; tipos?: string[]; finalidades?: string[] }>(),
    metadata: jsonb("metadata").$type<Record<string, unknown>>(),
    imobiliariaId: varchar("imobiliaria_id", { length: 50 }).references(() => imobiliarias.id),
  },
  (t) => [
    index("idx_corretores_imobiliaria").on(t.imobiliariaId),
    // One number, one broker per agency: alerts and WhatsApp commands are matched to a broker by it.
    uniqueIndex("uq_corretores_imobiliaria_telefone").on(t.imobiliariaId, t.telefone),
  ],
);
