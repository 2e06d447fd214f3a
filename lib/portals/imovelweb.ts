// Imovelweb (Navent) contact callback. Navent's guide is not public: this file is the ONE place that
// knows its Spanish field names, mapped from what integrators describe. Correct it here when we learn more.
import { z } from "zod";
import { normalizePhoneBR } from "@/lib/phone/normalize-phone";
import { foldText } from "@/lib/text/fold-text";
import {
  buildNormalizedLead, EMPTY_LISTING, LEAD_LIMITS, NOME_AUSENTE, type LeadType, type NormalizedLead,
} from "./normalized-lead";
import { lenientEmail, optionalDate, optionalId, optionalText, requiredId } from "./payload-fields";

const imovelwebPayloadSchema = z.object({
  type: optionalText(40),
  id: requiredId,
  fechaCreacion: optionalDate,
  aviso: z
    .object({ idAviso: optionalId, codigoReferencia: optionalId }, { error: "deve ser objeto" })
    .nullish(),
  contacto: z.object(
    {
      nombre: optionalText(LEAD_LIMITS.nome),
      email: lenientEmail,
      telefono: optionalText(LEAD_LIMITS.telefone),
      mensaje: optionalText(LEAD_LIMITS.mensagem),
    },
    { error: "obrigatório (objeto com nombre, email, telefono, mensaje)" },
  ),
});

/** Only CONTACTO is confirmed by a real payload; the others are integrators' reports. */
const LEAD_TYPE_BY_NAVENT_TYPE: Record<string, LeadType> = {
  contacto: "CONTACT_FORM",
  whatsapp: "CLICK_WHATSAPP",
  ver_telefono: "PHONE_VIEW",
  visita: "VISIT_REQUEST",
};

export function parseImovelweb(body: unknown): NormalizedLead {
  const p = imovelwebPayloadSchema.parse(body);
  const c = p.contacto;
  return buildNormalizedLead({
    portal: "imovelweb",
    origem: "imovelweb",
    externalId: p.id,
    createdAt: p.fechaCreacion,
    nome: c.nombre ?? NOME_AUSENTE,
    telefone: c.telefono,
    phone: c.telefono ? normalizePhoneBR(c.telefono) : null,
    email: c.email,
    mensagem: c.mensaje,
    leadType: p.type ? (LEAD_TYPE_BY_NAVENT_TYPE[foldText(p.type)] ?? null) : null,
    temperatura: null,
    finalidade: null,
    listing: { ...EMPTY_LISTING, codigo: p.aviso?.codigoReferencia ?? null, portalListingId: p.aviso?.idAviso ?? null },
  });
}
