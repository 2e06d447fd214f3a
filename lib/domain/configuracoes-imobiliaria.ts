// An agency's settings (`imobiliarias.configuracoes`): routing, priority thresholds, SLA, and the
// Twilio Content templates that override the TWILIO_CONTENT_SID_* env vars for this agency.
import { z } from "zod";
import { twilioTemplatesSchema } from "./twilio-templates";

export const configuracoesImobiliariaSchema = z.object({
  roteamento: z.enum(["dono_do_anuncio", "roleta", "fixo"]).default("roleta"),
  corretorFixoId: z.string().max(50).nullable().default(null),
  scoreQuente: z.number().int().min(0).max(100).default(70),
  scoreMorno: z.number().int().min(0).max(100).default(40),
  slaMinutos: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  followUpDias: z.array(z.number().int().min(1).max(90)).default([1, 3, 7]),
  pesosRoleta: z.record(z.string(), z.number().int().min(0).max(10)).default({}),
  /** The daily limit a broker added from the dashboard starts with (the seed's 5). */
  limiteDiarioPadrao: z.number().int().min(1).max(50).default(5),
  twilioTemplates: twilioTemplatesSchema.optional(),
});

export type ConfiguracoesImobiliaria = z.infer<typeof configuracoesImobiliariaSchema>;

export function parseConfiguracoes(value: unknown): ConfiguracoesImobiliaria {
  return configuracoesImobiliariaSchema.parse(value ?? {});
}
