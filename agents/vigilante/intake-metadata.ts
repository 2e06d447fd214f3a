// What intake records about a delivery in leads.metadata and interacoes.metadata. One builder, so
// demo data and real intake write the same keys the dashboard reads.
import type { NormalizedLead } from "@/lib/portals/normalized-lead";

/** `recebidoEm`: the receipt time the legal basis is recorded with. `sanitizado`: NULs or lone surrogates were cleaned out of the body (`entrada.sanitizado`, no personal data). */
export function intakeMetadata(
  lead: NormalizedLead,
  entregaId: string,
  recebidoEm: Date,
  entrada: { sanitizado?: boolean } = {},
) {
  return {
    portal: lead.portal,
    // LGPD: why we may hold and use this person's data: they asked, on this portal, at this time, to be
    // contacted about a listing (legitimate interest). Shown on the lead page; a "pare" ends the contact.
    baseLegal: { tipo: "legitimo_interesse" as const, portal: lead.portal, em: recebidoEm.toISOString() },
    externalId: lead.externalId,
    entregaId,
    leadType: lead.leadType,
    temperatura: lead.temperatura,
    telefoneValido: lead.phone?.valid ?? false,
    ...(lead.phone && !lead.phone.valid ? { telefoneOriginal: lead.phone.raw } : {}),
    ...entradaOf(lead, entrada),
  };
}

/**
 * `entrada`: the portal's own timestamp (information only: intake orders and matches by receipt
 * time) and what the parser adjusted to keep the lead. Field names and reasons, no personal data.
 */
function entradaOf(lead: NormalizedLead, cleaning: { sanitizado?: boolean }) {
  const dataPortal = lead.createdAt?.toISOString();
  const ajustes = lead.ajustes?.length ? lead.ajustes : undefined;
  if (!dataPortal && !ajustes && !cleaning.sanitizado) return {};
  return {
    entrada: {
      ...(dataPortal ? { dataPortal } : {}),
      ...(ajustes ? { ajustes } : {}),
      ...(cleaning.sanitizado ? { sanitizado: true } : {}),
    },
  };
}

/**
 * The delivery's interação: its text is the whole message as sent, and the whole name or e-mail
 * when the lead's column had to cut it.
 */
export function intakeInteracao(lead: NormalizedLead, intake: ReturnType<typeof intakeMetadata>) {
  const { mensagem, ...cut } = lead.textoOriginal ?? {};
  return {
    conteudo: mensagem ?? lead.mensagem,
    metadata: Object.keys(cut).length ? { ...intake, textoOriginal: cut } : intake,
  };
}
