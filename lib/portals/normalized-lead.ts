// The one lead shape every portal parser returns, whatever the sender's field names.
// Ingestion, scoring and the "what they want" extraction read only this.
import { z, ZodError } from "zod";
import { E164_PATTERN } from "@/lib/phone/e164";
import { ACOES_AJUSTE } from "./payload-reader";

export const PORTAL_SLUGS = ["grupo-olx", "chaves-na-mao", "imovelweb", "generico"] as const;
export type PortalSlug = (typeof PORTAL_SLUGS)[number];

/** Grupo OLX's `extraData.leadType` vocabulary, which we use for every portal. */
export const LEAD_TYPES = [
  "VISIT_REQUEST",
  "CLICK_SCHEDULE",
  "CLICK_WHATSAPP",
  "CONTACT_CHAT",
  "CONTACT_FORM",
  "PHONE_VIEW",
] as const;
export type LeadType = (typeof LEAD_TYPES)[number];

export const TEMPERATURAS = ["Baixa", "Média", "Alta"] as const;
export type Temperatura = (typeof TEMPERATURAS)[number];

export const FINALIDADES = ["venda", "aluguel"] as const;
export type Finalidade = (typeof FINALIDADES)[number];

/** Sizes match the leads/imoveis columns, so a stranger cannot push junk past the parser. */
export const LEAD_LIMITS = {
  id: 100,
  origem: 50,
  nome: 200,
  telefone: 40,
  email: 200,
  mensagem: 5_000,
  titulo: 300,
  tipo: 40,
  local: 120,
  preco: 100_000_000_000,
} as const;

/** Shown when a portal sends a lead without a name: losing the lead would be worse. */
export const NOME_AUSENTE = "Lead sem nome";
export const CONTATO_AUSENTE = "Informe telefone ou e-mail do lead";

const phoneSchema = z.object({
  e164: z.string().regex(E164_PATTERN).nullable(),
  valid: z.boolean(),
  mobile: z.boolean(),
  raw: z.string().max(LEAD_LIMITS.telefone),
});

const text = (max: number) => z.string().min(1).max(max).nullable();

const listingSchema = z.object({
  /** Our code for the listing (imoveis.codigo): Grupo OLX clientListingId, ad.reference, codigoReferencia. */
  codigo: text(LEAD_LIMITS.id),
  portalListingId: text(LEAD_LIMITS.id),
  titulo: text(LEAD_LIMITS.titulo),
  tipo: text(LEAD_LIMITS.tipo),
  preco: z.number().nonnegative().max(LEAD_LIMITS.preco).nullable(),
  bairro: text(LEAD_LIMITS.local),
  cidade: text(LEAD_LIMITS.local),
  uf: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .nullable(),
});

export const normalizedLeadSchema = z
  .object({
    portal: z.enum(PORTAL_SLUGS),
    /** Short source code stored in leads.origem: "zap", "vivareal", "olx", "olx-mcmv", "chavesnamao"… */
    origem: z
      .string()
      .regex(/^[a-z0-9][a-z0-9_-]*$/)
      .max(LEAD_LIMITS.origem),
    /** The delivery's idempotency key: a re-delivery carries the same one. */
    externalId: z.string().min(1).max(LEAD_LIMITS.id),
    /**
     * When the portal says the lead was made; null when the payload has none. Kept as information
     * only (leads.metadata.entrada.dataPortal): a clock of 1970 or of next year must not decide where
     * the lead sorts or whom it matches, so intake orders, matches and counts by its receipt time.
     */
    createdAt: z.date().nullable(),
    nome: z.string().min(1).max(LEAD_LIMITS.nome),
    /** The phone as the portal sent it. */
    telefone: z.string().max(LEAD_LIMITS.telefone).nullable(),
    phone: phoneSchema.nullable(),
    /** A valid address, lower-cased; cut at 200 when longer (the whole one is in textoOriginal). */
    email: z.string().min(3).max(LEAD_LIMITS.email).nullable(),
    mensagem: z.string().max(LEAD_LIMITS.mensagem).nullable(),
    leadType: z.enum(LEAD_TYPES).nullable(),
    temperatura: z.enum(TEMPERATURAS).nullable(),
    finalidade: z.enum(FINALIDADES).nullable(),
    listing: listingSchema,
    /** What the parser converted, truncated, dropped or generated to keep the lead (no personal data). */
    ajustes: z.array(z.object({ campo: z.string(), acao: z.enum(ACOES_AJUSTE), motivo: z.string() })).optional(),
    /** The whole text of a field cut to fit its column, for the delivery's interação. */
    textoOriginal: z.object({ nome: z.string(), email: z.string(), mensagem: z.string() }).partial().optional(),
  })
  // A phone that fails validation still counts when it has a phone's worth of digits: the lead is
  // stored with the phone flagged (a person can still read it), rather than lost.
  .refine(isReachable, { path: ["telefone"], message: CONTATO_AUSENTE });

export type NormalizedLead = z.output<typeof normalizedLeadSchema>;
export type NormalizedListing = NormalizedLead["listing"];

export const EMPTY_LISTING: NormalizedListing = {
  codigo: null,
  portalListingId: null,
  titulo: null,
  tipo: null,
  preco: null,
  bairro: null,
  cidade: null,
  uf: null,
};

/** The one reason to refuse a delivery: no way at all to get back to the person. */
export function isReachable(lead: { phone: { valid: boolean; raw: string } | null; email: string | null }): boolean {
  return lead.phone?.valid === true || digitCount(lead.phone?.raw) >= 8 || lead.email !== null;
}

function digitCount(raw: string | undefined): number {
  return raw ? raw.replace(/\D/g, "").length : 0;
}

/**
 * Parsers finish here so every lead passes the same checks. An unreachable lead is refused naming
 * the sender's own contact fields (`contactFields`, e.g. phoneNumber, email).
 */
export function buildNormalizedLead(lead: NormalizedLead, contactFields: string[] = ["telefone"]): NormalizedLead {
  if (!isReachable(lead)) {
    throw new ZodError(
      contactFields.map((f) => ({
        code: "custom" as const,
        path: f.split("."),
        message: CONTATO_AUSENTE,
        input: undefined,
      })),
    );
  }
  return normalizedLeadSchema.parse(lead);
}
