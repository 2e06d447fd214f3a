// An agency's settings (`imobiliarias.configuracoes`): routing, priority thresholds, SLA, grouping
// defaults for new brokers, summary hours, and the Twilio Content templates that override the
// TWILIO_CONTENT_SID_* env vars for this agency.
import { z } from "zod";
import { agrupamentoSchema, type PreferenciasInput } from "./preferencias";
import { twilioTemplatesSchema } from "./twilio-templates";

export const ROTEAMENTOS = ["dono_do_anuncio", "roleta", "fixo"] as const;
export type Roteamento = (typeof ROTEAMENTOS)[number];

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "use HH:MM");

export const configuracoesImobiliariaSchema = z.object({
  roteamento: z.enum(ROTEAMENTOS).default("roleta"),
  corretorFixoId: z.string().max(50).nullable().default(null),
  scoreQuente: z.number().int().min(0).max(100).default(70),
  scoreMorno: z.number().int().min(0).max(100).default(40),
  slaMinutos: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  /**
   * The SLA chain's last step: a lead still unanswered after three windows goes to another broker by
   * the roleta (agents/vigilante/sla/). Off by default: moving a broker's lead is the agency's call.
   */
  slaRedistribuir: z.boolean().default(false),
  followUpDias: z.array(z.number().int().min(1).max(90)).default([1, 3, 7, 15]),
  pesosRoleta: z.record(z.string(), z.number().int().min(0).max(10)).default({}),
  /** What a broker added to the agency starts with (each broker's own settings win afterwards). */
  agrupamentoPadrao: agrupamentoSchema,
  /**
   * The earliest local time the daily / weekly summary goes out; null = at the broker's first moment
   * on duty (their start of hours), which is what a summary "to start the day" means for most agencies.
   */
  resumoDiarioHora: hhmm.nullable().default(null),
  resumoSemanalHora: hhmm.nullable().default(null),
  /** The daily limit a broker added from the dashboard starts with (the seed's 5). */
  limiteDiarioPadrao: z.number().int().min(1).max(50).default(5),
  twilioTemplates: twilioTemplatesSchema.optional(),
  /** The model's estimated monthly spend (US$) after which this agency's texts go back to the rules engine; null = no cap. */
  limiteMensalIaUsd: z.number().min(0).max(100_000).nullable().default(null),
  /**
   * LGPD retention (lib/privacy/retention.ts): leads with no activity for this many months lose their
   * personal data (rows and counts stay for the metrics); the seed's 2 years by default.
   */
  retencaoMeses: z.number().int().min(6).max(120).default(24),
});

export type ConfiguracoesImobiliaria = z.infer<typeof configuracoesImobiliariaSchema>;

export function parseConfiguracoes(value: unknown): ConfiguracoesImobiliaria {
  return configuracoesImobiliariaSchema.parse(value ?? {});
}

/** What a broker added to the agency starts with: the agency's daily limit and grouping, the rest the seed's. */
export function preferenciasDeNovoCorretor(configuracoes: ConfiguracoesImobiliaria): PreferenciasInput {
  return { limiteDiario: configuracoes.limiteDiarioPadrao, agrupamento: { ...configuracoes.agrupamentoPadrao } };
}
