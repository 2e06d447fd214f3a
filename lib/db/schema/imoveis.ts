import { boolean, index, integer, jsonb, numeric, pgTable, timestamp, uniqueIndex, varchar } from "drizzle-orm/pg-core";
import { corretores } from "./corretores";
import { imobiliarias } from "./imobiliarias";

/** A listing. `codigo` is our code, the one portals echo back as `clientListingId`. */
export const imoveis = pgTable(
  "imoveis",
  {
    id: varchar("id", { length: 50 }).primaryKey(),
    imobiliariaId: varchar("imobiliaria_id", { length: 50 })
      .notNull()
      .references(() => imobiliarias.id),
    codigo: varchar("codigo", { length: 80 }).notNull(),
    portalIds: jsonb("portal_ids").$type<Record<string, string>>().notNull().default({}),
    corretorId: varchar("corretor_id", { length: 50 }).references(() => corretores.id),
    titulo: varchar("titulo", { length: 300 }),
    tipo: varchar("tipo", { length: 40 }).notNull(),
    finalidade: varchar("finalidade", { length: 10 }).$type<"venda" | "aluguel">().notNull(),
    bairro: varchar("bairro", { length: 120 }),
    cidade: varchar("cidade", { length: 120 }),
    uf: varchar("uf", { length: 2 }),
    preco: numeric("preco", { precision: 14, scale: 2, mode: "number" }),
    quartos: integer("quartos"),
    areaM2: integer("area_m2"),
    ativo: boolean("ativo").notNull().default(true),
    criadoEm: timestamp("criado_em", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("uq_imoveis_imobiliaria_codigo").on(t.imobiliariaId, t.codigo),
    index("idx_imoveis_corretor").on(t.corretorId),
  ],
);
