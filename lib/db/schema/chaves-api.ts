import { index, jsonb, pgTable, timestamp, uniqueIndex, varchar } from "drizzle-orm/pg-core";
import { imobiliarias } from "./imobiliarias";

/** What an agency API key may do; one scope today, the LGPD requests of /api/privacidade. */
export const ESCOPOS_API = ["privacidade"] as const;
export type EscopoApi = (typeof ESCOPOS_API)[number];

/**
 * An agency's API keys for its own systems (lib/auth/api-key.ts). Only the SHA-256 of the secret is
 * stored (the key is random, 32 bytes: a fast hash is enough); the secret is shown once, at creation.
 */
export const chavesApi = pgTable(
  "chaves_api",
  {
    id: varchar("id", { length: 50 }).primaryKey(),
    imobiliariaId: varchar("imobiliaria_id", { length: 50 })
      .notNull()
      .references(() => imobiliarias.id),
    nome: varchar("nome", { length: 80 }).notNull(),
    /** The key's first characters, to tell keys apart on the page ("lst_ab12cd34…"). */
    prefixo: varchar("prefixo", { length: 16 }).notNull(),
    hash: varchar("hash", { length: 64 }).notNull(),
    escopos: jsonb("escopos").$type<EscopoApi[]>().notNull(),
    criadaPor: varchar("criada_por", { length: 50 }),
    criadaEm: timestamp("criada_em", { withTimezone: true }).notNull().defaultNow(),
    revogadaEm: timestamp("revogada_em", { withTimezone: true }),
    ultimoUsoEm: timestamp("ultimo_uso_em", { withTimezone: true }),
  },
  (t) => [uniqueIndex("uq_chaves_api_hash").on(t.hash), index("idx_chaves_api_imobiliaria").on(t.imobiliariaId)],
);
