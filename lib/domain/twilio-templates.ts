// Which Twilio Content template (HX…) each kind of message uses, as an agency's settings and the
// env vars spell it. Two per kind: the business-initiated one (outside WhatsApp's 24-hour session
// window, or after Twilio's 63016) and the quick-reply one that shows a message's buttons in session.
import { z } from "zod";
import { MENSAGEM_TIPOS } from "./mensagem-tipos";

/** Every `mensagens.tipo` may have templates: one list, so a new kind is never left without its settings. */
export const TEMPLATE_TIPOS = MENSAGEM_TIPOS;
export type TemplateTipo = (typeof TEMPLATE_TIPOS)[number];

export const TEMPLATE_VARIANTES = ["foraDaJanela", "comBotoes"] as const;
export type TemplateVariante = (typeof TEMPLATE_VARIANTES)[number];

export const contentSidSchema = z
  .string()
  .trim()
  .regex(/^HX[0-9a-fA-F]{32}$/, "deve ser um Content SID da Twilio: HX seguido de 32 hexadecimais");

const sidsDoTipoSchema = z
  .object({ foraDaJanela: contentSidSchema.optional(), comBotoes: contentSidSchema.optional() })
  .strict();

/** `{ alerta: { foraDaJanela: "HX…", comBotoes: "HX…" }, resumo: { foraDaJanela: "HX…" } }`; unknown kinds are refused. */
export const twilioTemplatesSchema = z.partialRecord(z.enum(TEMPLATE_TIPOS), sidsDoTipoSchema);
export type TwilioTemplates = z.infer<typeof twilioTemplatesSchema>;

/** TWILIO_CONTENT_SID_ALERTA, TWILIO_CONTENT_SID_ALERTA_BOTOES, TWILIO_CONTENT_SID_RESUMO_SEMANAL… */
export function contentSidEnvVar(tipo: string, variante: TemplateVariante): string {
  return `TWILIO_CONTENT_SID_${tipo.toUpperCase()}${variante === "comBotoes" ? "_BOTOES" : ""}`;
}
