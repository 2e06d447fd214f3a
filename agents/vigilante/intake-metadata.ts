// What intake records about a delivery in leads.metadata and interacoes.metadata. One builder, so
// demo data and real intake write the same keys the dashboard reads.
import type { NormalizedLead } from "@/lib/portals/normalized-lead";

/** `sanitizado`: NULs or lone surrogates were cleaned out of the body (`entrada.sanitizado`, no personal data). */
export function intakeMetadata(lead: NormalizedLead, entregaId: string, entrada: { sanitizado?: boolean } = {}) {
  return {
    portal: lead.portal,
    externalId: lead.externalId,
    entregaId,
    leadType: lead.leadType,
    temperatura: lead.temperatura,
    telefoneValido: lead.phone?.valid ?? false,
    ...(lead.phone && !lead.phone.valid ? { telefoneOriginal: lead.phone.raw } : {}),
    ...(entrada.sanitizado ? { entrada: { sanitizado: true } } : {}),
  };
}
