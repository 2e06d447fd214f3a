import { boolean, integer, pgTable, timestamp, uniqueIndex, varchar } from "drizzle-orm/pg-core";
import { corretores } from "./corretores";
import { imobiliarias } from "./imobiliarias";

export const PAPEIS = ["admin", "gestor", "corretor"] as const;
export type Papel = (typeof PAPEIS)[number];

/** A dashboard login. A `corretor` login is tied to its broker row. */
export const usuarios = pgTable(
  "usuarios",
  {
    id: varchar("id", { length: 50 }).primaryKey(),
    email: varchar("email", { length: 200 }).notNull().unique(),
    nome: varchar("nome", { length: 200 }).notNull(),
    senhaHash: varchar("senha_hash", { length: 200 }).notNull(),
    papel: varchar("papel", { length: 20 }).$type<Papel>().notNull(),
    imobiliariaId: varchar("imobiliaria_id", { length: 50 })
      .notNull()
      .references(() => imobiliarias.id),
    corretorId: varchar("corretor_id", { length: 50 }).references(() => corretores.id),
    ativo: boolean("ativo").notNull().default(true),
    criadoEm: timestamp("criado_em", { withTimezone: true }).notNull().defaultNow(),
    ultimoLoginEm: timestamp("ultimo_login_em", { withTimezone: true }),
    /** Carried in the session cookie; bumping it (sign-out, deactivation, new password) ends every session. */
    sessaoVersao: integer("sessao_versao").notNull().default(1),
    /**
     * Set when an admin created the login or reset its password: the password is a temporary one, shown
     * once, that logs in only until this instant and must be changed at that login (lib/auth/senha-provisoria.ts).
     */
    senhaProvisoriaAte: timestamp("senha_provisoria_ate", { withTimezone: true }),
    /** The login's own WhatsApp (E.164, a mobile), for the manager's alerts and summaries; optional. */
    whatsapp: varchar("whatsapp", { length: 20 }),
  },
  // One login per broker: two would split "their" leads' actions between two people.
  (t) => [uniqueIndex("usuarios_corretor_id_unique").on(t.corretorId)],
);
