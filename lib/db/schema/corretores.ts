import { boolean, index, jsonb, pgTable, timestamp, varchar } from "drizzle-orm/pg-core";
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
  (t) => [index("idx_corretores_imobiliaria").on(t.imobiliariaId)],
);
