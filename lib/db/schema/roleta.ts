import { jsonb, pgTable, timestamp, varchar } from "drizzle-orm/pg-core";
import { imobiliarias } from "./imobiliarias";

/** The agency's roleta position (smooth weighted round-robin credits per broker). Read and
 *  advanced only by the database function `lastro_roleta_turno` (migration 0005, takeRoletaTurn). */
export const roletaEstado = pgTable("roleta_estado", {
  imobiliariaId: varchar("imobiliaria_id", { length: 50 })
    .primaryKey()
    .references(() => imobiliarias.id),
  correntes: jsonb("correntes").$type<Record<string, number>>().notNull().default({}),
  atualizadoEm: timestamp("atualizado_em", { withTimezone: true }).notNull().defaultNow(),
});
