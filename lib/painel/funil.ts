// The sales funnel's order, for "advance to the next step" and the status menu.
import type { LeadStatus } from "@/lib/db/schema";

export const FUNIL = ["novo", "em_contato", "visita_agendada", "visita_realizada", "proposta", "fechado"] as const;

/** The step after `status`; null at the end of the funnel or for a lost lead. */
export function proximaEtapa(status: LeadStatus | null): LeadStatus | null {
  if (status === null) return "em_contato";
  const i = (FUNIL as readonly LeadStatus[]).indexOf(status);
  return i >= 0 && i < FUNIL.length - 1 ? FUNIL[i + 1]! : null;
}

/** Every status a lead may be moved to from `status`: the funnel and `perdido`, minus where it is. */
export function destinos(status: LeadStatus | null): LeadStatus[] {
  return [...FUNIL, "perdido" as const].filter((s) => s !== status);
}
