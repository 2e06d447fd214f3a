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
  // To the agency's management (`mensagens.usuario_id`): a portal that went quiet, the manager's summaries.
  "alerta_portal",
  "resumo_gestor",
] as const;
export type MensagemTipo = (typeof MENSAGEM_TIPOS)[number];
