import { integer, pgTable, varchar } from "drizzle-orm/pg-core";
import { corretores } from "./corretores";

/**
 * How many open leads each broker holds (the roleta's tie-break). Kept by the trigger
 * `trg_leads_carga` on leads (migration 0003), so every path that assigns, reassigns, closes or
 * deletes a lead counts, and routing reads one row per broker instead of counting every open lead.
 */
export const corretoresCarga = pgTable("corretores_carga", {
  corretorId: varchar("corretor_id", { length: 50 }).primaryKey().references(() => corretores.id, { onDelete: "cascade" }),
  abertos: integer("abertos").notNull().default(0),
});
