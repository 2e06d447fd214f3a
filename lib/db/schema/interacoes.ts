import { sql } from "drizzle-orm";
import { index, jsonb, pgTable, serial, text, timestamp, varchar } from "drizzle-orm/pg-core";
import { leads } from "./leads";

export const INTERACAO_TIPOS = [
  "mensagem_portal",
  "nova_consulta",
  "contato_corretor",
  "resposta_whatsapp",
  "nota",
  "visita",
  "mudanca_status",
  /** The broker's first tap on a short link about the lead (/r/<token>): once per lead and broker. */
  "toque_link",
] as const;
export type InteracaoTipo = (typeof INTERACAO_TIPOS)[number];
/**
 * What a broker does about a lead that ends its wait: the lead page's "primeira resposta", the
 * dashboard's and the weekly summary's. A link tap comes first when the broker answers from WhatsApp.
 */
export const RESPOSTA_DO_CORRETOR_TIPOS = [
  "contato_corretor",
  "mudanca_status",
  "nota",
  "visita",
  "toque_link",
] as const satisfies readonly InteracaoTipo[];
/** Handing the lead to another broker is logged as an interaction but is no response. */
export const ACAO_PASSAR_ADIANTE = "passar_adiante";
/** The SLA chain's re-route (agents/vigilante/sla/): logged like a hand-over, no response either. */
export const ACAO_REDISTRIBUIR_SLA = "redistribuir_sla";
/** Every `metadata.acao` of a response-typed interação that is no response (migration 0018's trigger too). */
export const ACOES_SEM_RESPOSTA = [ACAO_PASSAR_ADIANTE, ACAO_REDISTRIBUIR_SLA] as const;

/** What a person wrote (the lead, or the broker's note): the ConversationAnalyzer reads these. */
export const INTERACAO_TIPOS_ANALISAVEIS = ["mensagem_portal", "nova_consulta", "resposta_whatsapp", "nota"] as const;

/** The seed's `interacoes`: everything said or done about a lead. */
export const interacoes = pgTable(
  "interacoes",
  {
    id: serial("id").primaryKey(),
    leadId: varchar("lead_id", { length: 50 }).references(() => leads.id),
    data: timestamp("data").defaultNow(),
    tipo: varchar("tipo", { length: 50 }).$type<InteracaoTipo>(),
    conteudo: text("conteudo"),
    sentimento: varchar("sentimento", { length: 50 }),
    metadata: jsonb("metadata").$type<Record<string, unknown>>(),
    /** The ConversationAnalyzer's result (agents/analista/conversation-analyzer), written once. */
    analise: jsonb("analise").$type<Record<string, unknown>>(),
    analisadoEm: timestamp("analisado_em", { withTimezone: true }),
  },
  (t) => [
    index("idx_interacoes_lead").on(t.leadId),
    // "Sem contato" asks, per lead still novo, whether a broker acted (SEM_CONTATO_ACOES): one index probe.
    index("idx_interacoes_lead_acao_corretor")
      .on(t.leadId)
      .where(sql`tipo IN ('contato_corretor', 'nota', 'visita', 'mudanca_status', 'toque_link')`),
    // The analysis sweep's to-do list stays as small as what is left to read.
    index("idx_interacoes_a_analisar")
      .on(t.id)
      .where(
        sql`analisado_em IS NULL AND conteudo IS NOT NULL AND tipo IN ('mensagem_portal', 'nova_consulta', 'resposta_whatsapp', 'nota')`,
      ),
  ],
);
