// Deadlines counted in a broker's working time: "15 minutes" from 19:55 with hours ending at 20:00 is
// 5 minutes today and 10 at the next shift start. Days and hours are local to the agency's timezone;
// a pause does not stop this clock (what a pause means for a deadline is its caller's rule).
import { TZDate } from "@date-fns/tz";
import type { Preferencias } from "@/lib/domain/preferencias";
import { DEFAULT_TIMEZONE, nextDutyStart } from "./working-hours";

type HoursPrefs = Pick<Preferencias, "horario" | "dias">;

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(":").map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** Where the shift that contains `at` ends (fim 23:59 = midnight, as isOnDuty reads it). */
function shiftEnd(prefs: HoursPrefs, at: Date, timezone: string): Date {
  const fim = minutesOf(prefs.horario.fim);
  const end = fim >= 23 * 60 + 59 ? 24 * 60 : fim;
  const local = new TZDate(at.getTime(), timezone);
  const endLocal = new TZDate(
    local.getFullYear(),
    local.getMonth(),
    local.getDate(),
    Math.floor(end / 60),
    end % 60,
    0,
    timezone,
  );
  return new Date(endLocal.getTime());
}

/** The instant `minutes` working minutes after `from` (a shift never spans midnight here). */
export function addWorkingMinutes(
  prefs: HoursPrefs,
  from: Date,
  minutes: number,
  timezone: string = DEFAULT_TIMEZONE,
): Date {
  const duty = { horario: prefs.horario, dias: prefs.dias, pausadoAte: null };
  let at = from;
  let left = minutes * 60_000;
  // Each turn uses up one shift; a year of shifts bounds a deadline even of 24 h in 1-minute hours.
  for (let turn = 0; turn < 400; turn++) {
    at = nextDutyStart(duty, at, timezone);
    const end = shiftEnd(prefs, at, timezone);
    const available = end.getTime() - at.getTime();
    if (left <= available) return new Date(at.getTime() + left);
    left -= available;
    at = end;
  }
  throw new Error("addWorkingMinutes: expediente curto demais para o prazo");
}
