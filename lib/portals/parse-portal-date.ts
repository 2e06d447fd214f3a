// Portal timestamps come as ISO with a zone ("2026-11-20T13:42:07.118Z") or as a bare São Paulo
// wall-clock time ("2026-11-22 09:31:12", Chaves na Mão); the zone is resolved by @date-fns/tz, never a fixed offset.
import { TZDate } from "@date-fns/tz";

export const PORTAL_TIMEZONE = "America/Sao_Paulo";

const PORTAL_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/** Returns null for anything that is not a real date and time (including "2026-02-31"). */
export function parsePortalDate(value: string, timeZone = PORTAL_TIMEZONE): Date | null {
  const m = PORTAL_DATE.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h = "00", mi = "00", s = "00", frac = "", zone] = m;
  const parts = [Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)] as const;
  const ms = frac ? Math.floor(Number(`0${frac}`) * 1000) : 0;

  if (zone) {
    const offset = zone.toUpperCase() === "Z" ? "Z" : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
    const iso = `${y}-${mo}-${d}T${h}:${mi}:${s}.${String(ms).padStart(3, "0")}${offset}`;
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) || !sameWallClock(new Date(Date.UTC(...parts)), parts) ? null : date;
  }

  const local = new TZDate(...parts, ms, timeZone);
  // TZDate rolls 31/02 over to March; a portal that sends it has a bug we should not paper over.
  if (!sameWallClock(local, parts, "local")) return null;
  return new Date(local.getTime());
}

function sameWallClock(
  date: Date,
  [y, mo, d, h, mi, s]: readonly [number, number, number, number, number, number],
  mode: "utc" | "local" = "utc",
): boolean {
  const get =
    mode === "utc"
      ? [
          date.getUTCFullYear(),
          date.getUTCMonth(),
          date.getUTCDate(),
          date.getUTCHours(),
          date.getUTCMinutes(),
          date.getUTCSeconds(),
        ]
      : [date.getFullYear(), date.getMonth(), date.getDate(), date.getHours(), date.getMinutes(), date.getSeconds()];
  return get.join() === [y, mo, d, h, mi, s].join();
}
