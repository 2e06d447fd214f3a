// Is a broker on duty at an instant, and when does their next shift start? Hours are local to the
// agency's timezone (never fixed offsets), so DST rules and date lines are the library's problem.
import { TZDate } from "@date-fns/tz";
import type { Preferencias } from "@/lib/domain/preferencias";

export const DEFAULT_TIMEZONE = "America/Sao_Paulo";

type DutyPrefs = Pick<Preferencias, "horario" | "dias" | "pausadoAte">;

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(":").map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

// A broker who writes "até 23:59" means "until midnight": read literally, [início, 23:59) would
// leave every night's last minute off duty, and an around-the-clock broker would get that
// minute's hot leads scheduled for the next day's 00:00.
function endMinutesOf(hhmm: string): number {
  const minutes = minutesOf(hhmm);
  return minutes >= 23 * 60 + 59 ? 24 * 60 : minutes;
}

export function isPaused(prefs: Pick<Preferencias, "pausadoAte">, at: Date): boolean {
  return prefs.pausadoAte !== null && new Date(prefs.pausadoAte).getTime() > at.getTime();
}

// Routing asks isOnDuty for every broker of an agency at the same instant: remember the last
// conversion instead of redoing the time-zone arithmetic per broker.
let lastClock: { ms: number; timezone: string; day: number; minute: number } | null = null;

function localClock(at: Date, timezone: string): { day: number; minute: number } {
  const ms = at.getTime();
  if (lastClock && lastClock.ms === ms && lastClock.timezone === timezone) return lastClock;
  const local = new TZDate(ms, timezone);
  lastClock = { ms, timezone, day: local.getDay(), minute: local.getHours() * 60 + local.getMinutes() };
  return lastClock;
}

/** On duty = a working day, inside [início, fim) local time (fim 23:59 or 24:00 = midnight), and not paused. */
export function isOnDuty(prefs: DutyPrefs, at: Date, timezone: string = DEFAULT_TIMEZONE): boolean {
  if (isPaused(prefs, at)) return false;
  const { day, minute } = localClock(at, timezone);
  if (!prefs.dias.includes(day)) return false;
  return minute >= minutesOf(prefs.horario.inicio) && minute < endMinutesOf(prefs.horario.fim);
}

/** The next instant (≥ `at`) when the broker's shift starts; `at` itself when already on duty. */
export function nextDutyStart(prefs: DutyPrefs, at: Date, timezone: string = DEFAULT_TIMEZONE): Date {
  const from = isPaused(prefs, at) ? new Date(prefs.pausadoAte!) : at;
  if (isOnDuty(prefs, from, timezone)) return from;
  const start = minutesOf(prefs.horario.inicio);
  const local = new TZDate(from.getTime(), timezone);
  for (let offset = 0; offset <= 7; offset++) {
    const day = new TZDate(local.getFullYear(), local.getMonth(), local.getDate() + offset, 0, 0, 0, timezone);
    if (!prefs.dias.includes(day.getDay())) continue;
    const candidate = new TZDate(
      day.getFullYear(),
      day.getMonth(),
      day.getDate(),
      Math.floor(start / 60),
      start % 60,
      0,
      timezone,
    );
    if (candidate.getTime() >= from.getTime()) return new Date(candidate.getTime());
  }
  throw new Error("preferências sem nenhum dia de trabalho");
}
