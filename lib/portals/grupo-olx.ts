// Grupo OLX lead delivery (ZAP Imóveis, Viva Real, OLX): one format, told apart by `leadOrigin`.
// Field variants seen in the field are accepted here so the route never answers 4xx to a real lead.
import { normalizePhoneBR, type NormalizedPhone } from "@/lib/phone/normalize-phone";
import { foldText } from "@/lib/text/fold-text";
import {
  buildNormalizedLead,
  EMPTY_LISTING,
  LEAD_LIMITS,
  NOME_AUSENTE,
  type LeadType,
  type NormalizedLead,
} from "./normalized-lead";
import { toFinalidade, toLeadType, toTemperatura } from "./payload-fields";
import { PayloadReader } from "./payload-reader";

const ORIGEM_BY_LEAD_ORIGIN: Record<string, string> = {
  zap: "zap",
  vivareal: "vivareal",
  "viva real": "vivareal",
  olx: "olx",
  mcmv_olx: "olx-mcmv",
};

export function parseGrupoOlx(body: unknown): NormalizedLead {
  const r = PayloadReader.of(body);
  const ddd = r.text("ddd", 4);
  const phoneText = r.text("phone", LEAD_LIMITS.telefone);
  const phone = pickPhone([
    r.text("phoneNumber", LEAD_LIMITS.telefone),
    phoneText ? { ddd: ddd ?? undefined, phone: phoneText } : null,
  ]);
  const transaction = r.value("transactionType") != null ? "transactionType" : "transaction_type";
  return buildNormalizedLead(
    {
      portal: "grupo-olx",
      origem: toOrigem(r.text("leadOrigin", LEAD_LIMITS.origem)),
      externalId: r.deliveryKey("originLeadId", LEAD_LIMITS.id),
      createdAt: r.date("timestamp"),
      nome: r.text("name", LEAD_LIMITS.nome, "nome") ?? NOME_AUSENTE,
      telefone: phone?.raw ?? null,
      phone,
      email: r.email("email", LEAD_LIMITS.email),
      mensagem: r.text("message", LEAD_LIMITS.mensagem, "mensagem"),
      leadType: readLeadType(r),
      temperatura: r.choice("temperature", toTemperatura),
      finalidade: r.choice(transaction, toFinalidade),
      listing: {
        ...EMPTY_LISTING,
        codigo: r.id("clientListingId", LEAD_LIMITS.id),
        portalListingId: r.id("originListingId", LEAD_LIMITS.id),
      },
      ajustes: r.ajustes,
      textoOriginal: r.textoOriginal,
    },
    ["phoneNumber", "phone", "email"],
  );
}

/** `extraData: { leadType }`, or the lead type sent bare as `extraData: "VISIT_REQUEST"`. */
function readLeadType(r: PayloadReader): LeadType | null {
  if (typeof r.value("extraData") !== "string") return r.object("extraData")?.choice("leadType", toLeadType) ?? null;
  const type = r.choice("extraData", toLeadType);
  if (type) r.note("extraData", "convertido", "texto lido como extraData.leadType");
  return type;
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
