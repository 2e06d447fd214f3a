// When each step of a lead's first-response SLA chain is due: step k after k windows of the agency's
// `slaMinutos`, counted inside the broker's working hours from the broker's clock start (the lead's
// arrival, or the hand-over that gave it to them). Pure.
import type { Preferencias } from "@/lib/domain/preferencias";
import { addWorkingMinutes } from "@/lib/time/working-minutes";

/** 1 reminder to the broker, 2 alert to the managers, 3 re-route by the roleta (when the agency wants it). */
export type SlaEtapa = 1 | 2 | 3;

/**
 * A chain that would start more than this late (the sweep was down for a day, leads imported or
 * seeded with old dates) is closed without escalating: telling the managers about yesterday's leads
 * all at once helps nobody, and the dashboard already shows them as waiting.
 */
export const SLA_ATRASO_MAXIMO_MS = 24 * 60 * 60_000;

export function slaVencimento(
  etapa: SlaEtapa,
  input: { desde: Date; slaMinutos: number; preferencias: Pick<Preferencias, "horario" | "dias">; timezone: string },
): Date {
  return addWorkingMinutes(input.preferencias, input.desde, etapa * input.slaMinutos, input.timezone);
}
