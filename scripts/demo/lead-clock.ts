// When each demo lead arrived. Arrival is drawn as (days ago, local time of day) so the hour-of-day
// pattern looks real in São Paulo time; the draw never depends on `now`, so another `now` only
// moves the dates. Lead #i is the i-th oldest, which keeps ids and rows in arrival order.
import { TZDate } from "@date-fns/tz";
import { createRandom, deriveSeed } from "./random";

export const WINDOW_DAYS = 60;
const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;

// Portal leads by local hour: quiet at night, busy in office hours and after dinner.
const HOUR_WEIGHTS = [
  1, 0.5, 0.3, 0.2, 0.2, 0.4, 1, 2.5, 4, 6, 7, 7, 6, 6, 7, 7, 6.5, 6, 6, 6.5, 7, 6, 4, 2.5,
] as const;

export type LeadClock = {
  total: number;
  /** Whole days between the lead's local day and today's (0 = today). */
  dayIndex(i: number): number;
  /**
   * Arrival on a `now`-free scale (ms since the start of the window, local days of 24 h); use it
   * for decisions that compare two arrivals, such as grouping windows.
   */
  nominal(i: number): number;
  /** The real arrival instant; today's leads are squeezed into the part of today already gone. */
  at(i: number): Date;
  /** Start of the local day `d` days ago. */
  dayStart(d: number): number;
};

export function buildLeadClock(seed: number, total: number, now: Date, timezone: string): LeadClock {
  const rng = createRandom(deriveSeed(seed, 1));
  const cumulative: number[] = [];
  let sum = 0;
  for (const w of HOUR_WEIGHTS) cumulative.push((sum += w));

  const keys = new Float64Array(total);
  for (let i = 0; i < total; i++) {
    const d = rng.int(0, WINDOW_DAYS - 1);
    const roll = rng.next() * sum;
    let hour = 0;
    while (cumulative[hour]! <= roll) hour++;
    keys[i] = (WINDOW_DAYS - 1 - d) * DAY + hour * HOUR + rng.int(0, HOUR - 1);
  }
  keys.sort();

  const local = new TZDate(now.getTime(), timezone);
  const dayStarts: number[] = [];
  for (let d = 0; d <= WINDOW_DAYS; d++) {
    dayStarts.push(new TZDate(local.getFullYear(), local.getMonth(), local.getDate() - d, 0, 0, 0, timezone).getTime());
  }
  const elapsedToday = now.getTime() - dayStarts[0]!;

  const dayIndex = (i: number) => WINDOW_DAYS - 1 - Math.floor(keys[i]! / DAY);
  return {
    total,
    dayIndex,
    nominal: (i) => keys[i]!,
    at(i) {
      const d = dayIndex(i);
      const timeOfDay = keys[i]! - (WINDOW_DAYS - 1 - d) * DAY;
      const offset = d === 0 ? Math.floor((timeOfDay * elapsedToday) / DAY) : timeOfDay;
      return new Date(dayStarts[d]! + offset);
    },
    dayStart: (d) => dayStarts[d]!,
  };
}
