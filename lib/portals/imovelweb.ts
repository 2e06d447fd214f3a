// Imovelweb (Navent) contact callback. Navent's guide is not public: this file is the ONE place that
// knows its Spanish field names, mapped from what integrators describe. Correct it here when we learn more.
import { normalizePhoneBR } from "@/lib/phone/normalize-phone";
import { foldText } from "@/lib/text/fold-text";
import {
  buildNormalizedLead,
  EMPTY_LISTING,
  LEAD_LIMITS,
  NOME_AUSENTE,
  type LeadType,
  type NormalizedLead,
} from "./normalized-lead";
import { PayloadReader } from "./payload-reader";

/** Only CONTACTO is confirmed by a real payload; the others are integrators' reports. */
const LEAD_TYPE_BY_NAVENT_TYPE: Record<string, LeadType> = {
  contacto: "CONTACT_FORM",
  whatsapp: "CLICK_WHATSAPP",
  ver_telefono: "PHONE_VIEW",
  visita: "VISIT_REQUEST",
};

export function parseImovelweb(body: unknown): NormalizedLead {
  const r = PayloadReader.of(body);
  const c = r.object("contacto");
  const aviso = r.object("aviso");
  const telefone = c?.text("telefono", LEAD_LIMITS.telefone) ?? null;
  return buildNormalizedLead(
    {
      portal: "imovelweb",
      origem: "imovelweb",
      externalId: r.deliveryKey("id", LEAD_LIMITS.id),
      createdAt: r.date("fechaCreacion"),
      nome: c?.text("nombre", LEAD_LIMITS.nome, "nome") ?? NOME_AUSENTE,
      telefone,
      phone: telefone ? normalizePhoneBR(telefone) : null,
      email: c?.email("email", LEAD_LIMITS.email) ?? null,
      mensagem: c?.text("mensaje", LEAD_LIMITS.mensagem, "mensagem") ?? null,
      leadType: r.choice("type", (t) => LEAD_TYPE_BY_NAVENT_TYPE[foldText(t)] ?? null),
      temperatura: null,
      finalidade: null,
      listing: {
        ...EMPTY_LISTING,
        codigo: aviso?.id("codigoReferencia", LEAD_LIMITS.id) ?? null,
        portalListingId: aviso?.id("idAviso", LEAD_LIMITS.id) ?? null,
      },
      ajustes: r.ajustes,
      textoOriginal: r.textoOriginal,
    },
    ["contacto.telefono", "contacto.email"],
  );
}
