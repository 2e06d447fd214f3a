// A calendar day as a form sends it ("2026-12-05"), read in the agency's timezone: the instants it
// spans. Filters by period use it, so "05/12" means the agency's 05/12, not UTC's.
import { TZDate } from "@date-fns/tz";
import { addDays, format } from "date-fns";
import { DEFAULT_TIMEZONE } from "./working-hours";

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The first instant of `day` and the first of the next one, in `timezone`; null for a day that does not exist. */
export function localDayRange(day: string, timezone: string = DEFAULT_TIMEZONE): { start: Date; end: Date } | null {
  const m = DAY.exec(day);
  if (!m) return null;
  const [year, month, date] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const start = new TZDate(year, month - 1, date, 0, 0, 0, 0, timezone);
  // 2026-02-31 would roll over into March: a day that does not exist is refused, not moved.
  if (start.getFullYear() !== year || start.getMonth() !== month - 1 || start.getDate() !== date) return null;
  return { start: new Date(start.getTime()), end: new Date(addDays(start, 1).getTime()) };
}

/** Every calendar day (`2026-12-05`) in `timezone` that [desde, ate) touches, in order. */
export function localDaysIn(desde: Date, ate: Date, timezone: string = DEFAULT_TIMEZONE): string[] {
  const dias: string[] = [];
  let dia = new TZDate(desde.getTime(), timezone);
  dia = new TZDate(dia.getFullYear(), dia.getMonth(), dia.getDate(), 0, 0, 0, 0, timezone);
  // Bounded: a period is at most a few hundred days, and a reversed one yields none.
  while (dia.getTime() < ate.getTime() && dias.length < 1000) {
    dias.push(format(dia, "yyyy-MM-dd"));
    dia = addDays(dia, 1);
  }
  return dias;
}

/** The calendar day (`2026-12-05`) an instant falls on in `timezone`. */
export function localDayOf(at: Date, timezone: string = DEFAULT_TIMEZONE): string {
  return format(new TZDate(at.getTime(), timezone), "yyyy-MM-dd");
}
