// When a portal's silence is news. A portal "delivers every day" when each of the 14 local days up to
// its last real delivery (that day included) had at least one; its usual gap is the largest between
// two consecutive deliveries of those days. It has gone quiet when the time since its last delivery
// passes max(24 h, 1.5 × usual gap): a steady portal then gets 24 h to 3 days of slack (its largest
// gap is under 48 h), and a portal that delivers only some days is never called quiet.
// Pure: deliveries and the clock in, a verdict out.
import { localDaysIn } from "@/lib/time/local-day";
import { TZDate } from "@date-fns/tz";

export const DIAS_DE_RITMO = 14;
export const SILENCIO_MINIMO_MS = 24 * 60 * 60_000;
export const FATOR_DO_INTERVALO = 1.5;

/** The first instant of the 14 local days that end with `ultima`'s day. */
export function inicioDaJanela(ultima: Date, timezone: string): Date {
  const local = new TZDate(ultima.getTime(), timezone);
  const inicio = new TZDate(
    local.getFullYear(),
    local.getMonth(),
    local.getDate() - (DIAS_DE_RITMO - 1),
    0,
    0,
    0,
    0,
    timezone,
  );
  return new Date(inicio.getTime());
}

export type Ritmo = { diario: boolean; maiorIntervaloMs: number; limiteMs: number };

/** `entregas`: the real deliveries from inicioDaJanela(ultima) to `ultima`, oldest first. */
export function ritmoDoPortal(entregas: readonly Date[], ultima: Date, timezone: string): Ritmo {
  const dias = localDaysIn(inicioDaJanela(ultima, timezone), new Date(ultima.getTime() + 1), timezone);
  const comEntrega = new Set(entregas.map((e) => localDaysIn(e, new Date(e.getTime() + 1), timezone)[0]));
  const diario = dias.length === DIAS_DE_RITMO && dias.every((d) => comEntrega.has(d));
  let maiorIntervaloMs = 0;
  for (let i = 1; i < entregas.length; i++) {
    maiorIntervaloMs = Math.max(maiorIntervaloMs, entregas[i]!.getTime() - entregas[i - 1]!.getTime());
  }
  return { diario, maiorIntervaloMs, limiteMs: Math.max(SILENCIO_MINIMO_MS, FATOR_DO_INTERVALO * maiorIntervaloMs) };
}
