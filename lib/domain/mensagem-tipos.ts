// The kinds of WhatsApp message Lastro sends. A domain list, not a schema detail: the agency's
// Twilio template settings are keyed by it, and `mensagens.tipo` stores it (a plain varchar, not a
// Postgres enum, so a new kind needs no migration).
export const MENSAGEM_TIPOS = [
  "alerta",
  "agrupada",
  "lembrete",
  "resumo",
  "resumo_semanal",
  "resposta",
  /** A hot lead's follow-up come due (the cadence of `followUpDias`): spends a quota slot like an alert. */
  "follow_up",
  /** Two hours before a visit the broker scheduled; a committed appointment, so no quota. */
  "lembrete_visita",
  /** After the visit: "Como foi a visita?" with quick replies that move the lead. */
  "pos_visita",
] as const;
export type MensagemTipo = (typeof MENSAGEM_TIPOS)[number];
