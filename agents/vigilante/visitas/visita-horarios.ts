// When the visit messages go. The reminder is two hours before: a committed appointment, so it goes
// outside the broker's hours too, but never in the night: a reminder that would fall between 22:00
// and 07:00 goes at 07:00 when the visit is at least half an hour after that, else at 21:00 the
// evening before (a 06:00 visit is reminded at 21:00, not at 04:00). "Como foi a visita?" goes an hour
// after the visit's time (a visit takes about that), held for the broker's hours like any question.
import { TZDate } from "@date-fns/tz";

export const ANTECEDENCIA_MS = 2 * 60 * 60_000;
export const DEPOIS_DA_VISITA_MS = 60 * 60_000;
/** A reminder this late (the visit was scheduled less than two hours ahead, or we were down) helps no one. */
export const ATRASO_MAXIMO_MS = 30 * 60_000;
const NOITE_COMECA = 22;
const MANHA_COMECA = 7;
const VESPERA_HORA = 21;

const localAt = (ref: TZDate, diaOffset: number, hora: number, timezone: string) =>
  new Date(new TZDate(ref.getFullYear(), ref.getMonth(), ref.getDate() + diaOffset, hora, 0, 0, 0, timezone).getTime());

export function lembreteVisitaEm(visitaEm: Date, timezone: string): Date {
  const base = new Date(visitaEm.getTime() - ANTECEDENCIA_MS);
  const hora = new TZDate(base.getTime(), timezone).getHours();
  if (hora >= MANHA_COMECA && hora < NOITE_COMECA) return base;
  const visitaLocal = new TZDate(visitaEm.getTime(), timezone);
  const manha = localAt(visitaLocal, 0, MANHA_COMECA, timezone);
  if (visitaEm.getTime() - manha.getTime() >= 30 * 60_000) return manha;
  return localAt(visitaLocal, -1, VESPERA_HORA, timezone);
}

export const posVisitaEm = (visitaEm: Date) => new Date(visitaEm.getTime() + DEPOIS_DA_VISITA_MS);
