import { integer, pgTable, primaryKey, smallint, varchar } from "drizzle-orm/pg-core";
import { corretores } from "./corretores";

/** Rows per broker the trigger spreads its writes over (by transaction id, migration 0004). */
export const CARGA_PARTES = 16;

/**
 * How many open leads each broker holds (the roleta's tie-break): the sum of `abertos` over the
 * broker's rows. Kept by the trigger `trg_leads_carga` on leads (migrations 0003–0004), so every
 * path that assigns, reassigns, closes or deletes a lead counts. Each transaction writes to the row
 * `parte = txid % CARGA_PARTES`: one counter row per broker was a lock every intake for that broker
 * waited on until the previous intake committed; concurrent transactions now touch different rows.
 */
export const corretoresCarga = pgTable(
  "corretores_carga",
  {
    corretorId: varchar("corretor_id", { length: 50 })
      .notNull()
      .references(() => corretores.id, { onDelete: "cascade" }),
    parte: smallint("parte").notNull().default(0),
    abertos: integer("abertos").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.corretorId, t.parte] })],
);
