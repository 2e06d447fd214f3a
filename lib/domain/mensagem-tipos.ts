// The kinds of WhatsApp message Lastro sends. A domain list, not a schema detail: the agency's
// Twilio template settings are keyed by it, and `mensagens.tipo` stores it (a plain varchar, not a
// Postgres enum, so a new kind needs no migration).
// `alerta_gestao`: to the agency's managers about a lead (the SLA chain's step 2); `aviso`: a notice to a
// broker that needs no answer (their lead was re-routed).
export const MENSAGEM_TIPOS = [
  "alerta",
  "agrupada",
  "lembrete",
  "resumo",
  "resumo_semanal",
  "resposta",
  "alerta_gestao",
  "aviso",
  /** A hot lead's follow-up come due (the cadence of `followUpDias`): spends a quota slot like an alert. */
  "follow_up",
  /** Two hours before a visit the broker scheduled; a committed appointment, so no quota. */
  "lembrete_visita",
  /** After the visit: "Como foi a visita?" with quick replies that move the lead. */
  "pos_visita",
  // To the agency's management (`mensagens.usuario_id`): a portal that went quiet, the manager's summaries.
  "alerta_portal",
  "resumo_gestor",
  /** To every agency's admins: an operator's incident opened or resolved (agents/vigilante/operacao); no quota. */
  "alerta_operacao",
] as const;
export type MensagemTipo = (typeof MENSAGEM_TIPOS)[number];
