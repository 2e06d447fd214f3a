import { bigint, date, integer, pgTable, primaryKey, varchar } from "drizzle-orm/pg-core";
import { imobiliarias } from "./imobiliarias";

/**
 * The model's use per agency, local day, task and model: calls, failures and tokens. The cost is
 * computed when read (lib/llm/pricing.ts), so a price change needs no migration. No text is kept here.
 */
export const usoLlm = pgTable(
  "uso_llm",
  {
    imobiliariaId: varchar("imobiliaria_id", { length: 50 })
      .notNull()
      .references(() => imobiliarias.id),
    dia: date("dia", { mode: "string" }).notNull(),
    tarefa: varchar("tarefa", { length: 20 }).notNull(),
    modelo: varchar("modelo", { length: 100 }).notNull(),
    chamadas: integer("chamadas").notNull().default(0),
    falhas: integer("falhas").notNull().default(0),
    tokensEntrada: bigint("tokens_entrada", { mode: "number" }).notNull().default(0),
    tokensSaida: bigint("tokens_saida", { mode: "number" }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.imobiliariaId, t.dia, t.tarefa, t.modelo] })],
);
