// Grupo OLX lead delivery (ZAP Imóveis, Viva Real, OLX): one format, told apart by `leadOrigin`.
// Field variants seen in the field are accepted here so the route never answers 4xx to a real lead.
import { z } from "zod";
import { normalizePhoneBR, type NormalizedPhone } from "@/lib/phone/normalize-phone";
import { foldText } from "@/lib/text/fold-text";
import { buildNormalizedLead, EMPTY_LISTING, LEAD_LIMITS, NOME_AUSENTE, type NormalizedLead } from "./normalized-lead";
import {
  lenientEmail, optionalDate, optionalId, optionalText, requiredId, toFinalidade, toLeadType, toTemperatura,
} from "./payload-fields";

const grupoOlxPayloadSchema = z.object({
  leadOrigin: optionalText(LEAD_LIMITS.origem),
  timestamp: optionalDate,
  originLeadId: requiredId,
  originListingId: optionalId,
  clientListingId: optionalId,
  name: optionalText(LEAD_LIMITS.nome),
  email: lenientEmail,
  ddd: optionalText(4),
  phone: optionalText(LEAD_LIMITS.telefone),
  phoneNumber: optionalText(LEAD_LIMITS.telefone),
  message: optionalText(LEAD_LIMITS.mensagem),
  temperature: optionalText(20),
  transactionType: optionalText(20),
  transaction_type: optionalText(20),
  extraData: z.object({ leadType: optionalText(40) }, { error: "deve ser objeto" }).nullish(),
});

const ORIGEM_BY_LEAD_ORIGIN: Record<string, string> = {
  zap: "zap",
  vivareal: "vivareal",
  "viva real": "vivareal",
  olx: "olx",
  mcmv_olx: "olx-mcmv",
};

export function parseGrupoOlx(body: unknown): NormalizedLead {
  const p = grupoOlxPayloadSchema.parse(body);
  const phone = pickPhone([
    p.phoneNumber,
    p.phone ? { ddd: p.ddd ?? undefined, phone: p.phone } : null,
  ]);
  return buildNormalizedLead({
    portal: "grupo-olx",
    origem: toOrigem(p.leadOrigin),
    externalId: p.originLeadId,
    createdAt: p.timestamp,
    nome: p.name ?? NOME_AUSENTE,
    telefone: phone?.raw ?? null,
    phone,
    email: p.email,
    mensagem: p.message,
    leadType: toLeadType(p.extraData?.leadType),
    temperatura: toTemperatura(p.temperature),
    finalidade: toFinalidade(p.transactionType ?? p.transaction_type),
    listing: { ...EMPTY_LISTING, codigo: p.clientListingId, portalListingId: p.originListingId },
  });
}

/** An unknown origin keeps its own name (slugged) so a new Grupo OLX brand still shows up in reports. */
function toOrigem(leadOrigin: string | null): string {
  if (!leadOrigin) return "grupo-olx";
  const folded = foldText(leadOrigin);
  const known = ORIGEM_BY_LEAD_ORIGIN[folded];
  if (known) return known;
  return folded.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || "grupo-olx";
}

/** `phoneNumber` is the full number; `ddd` + `phone` is the same number split. Take the first valid one. */
function pickPhone(candidates: (string | { ddd?: string; phone: string } | null)[]): NormalizedPhone | null {
  const given = candidates.filter((c) => c !== null).map((c) => normalizePhoneBR(c));
  return given.find((ph) => ph.valid) ?? given[0] ?? null;
}
