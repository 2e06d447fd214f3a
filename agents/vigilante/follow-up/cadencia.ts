// The follow-up cadence as calendar arithmetic: step N of `followUpDias` is due on the local day
// that is N days after the local day of the lead's last interaction (agency timezone, DST-safe).
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { localDayRange } from "@/lib/time/local-day";

export type PassoFollowUp = { indice: number; dias: number };

/** The agency-local calendar day of an instant ("2026-11-24"). */
export function localDay(at: Date, timezone: string): string {
  return format(new TZDate(at.getTime(), timezone), "yyyy-MM-dd");
}

/** Whole calendar days from `de` to `ate` ("2026-11-21" → "2026-11-24" = 3). */
export function diasEntre(de: string, ate: string): number {
  return Math.round((Date.parse(`${ate}T00:00:00Z`) - Date.parse(`${de}T00:00:00Z`)) / 86_400_000);
}

/** The cadence, ascending and without repeats, whatever the settings' order. */
export function normalizeCadencia(dias: readonly number[]): number[] {
  return [...new Set(dias)].filter((d) => Number.isInteger(d) && d > 0).sort((a, b) => a - b);
}

/**
 * The latest step due today for a lead idle since `ultimaInteracao`, or null when none is. A lead
 * idle past several steps (a missed day, a new setting) gets only the latest: one nudge, not a burst.
 */
export function passoVencido(
  ultimaInteracao: Date,
  cadencia: readonly number[],
  now: Date,
  timezone: string,
): PassoFollowUp | null {
  const parado = diasEntre(localDay(ultimaInteracao, timezone), localDay(now, timezone));
  const passos = normalizeCadencia(cadencia);
  let vencido: PassoFollowUp | null = null;
  passos.forEach((dias, indice) => {
    if (dias <= parado) vencido = { indice, dias };
  });
  return vencido;
}

/** The first instant of the local day `dias` days before today's: interactions before it are `dias`+ days old. */
export function inicioDoDiaLocal(now: Date, diasAtras: number, timezone: string): Date {
  const hoje = new TZDate(now.getTime(), timezone);
  const dia = new TZDate(hoje.getFullYear(), hoje.getMonth(), hoje.getDate() - diasAtras, 0, 0, 0, 0, timezone);
  return localDayRange(format(dia, "yyyy-MM-dd"), timezone)!.start;
}
