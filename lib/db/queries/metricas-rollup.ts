// Reading the daily rollup (metricas_diarias & co., migration 0022): which periods it can answer and
// how a percentile comes out of its first-response histogram. The rollup's days are the agency's
// local days in its timezone, so it answers a period of whole days in that same timezone; anything
// else (a custom instant, another zone) is computed from the rows by each query module's raw statement.
import { sql, type SQL } from "drizzle-orm";
import { localDayRange, localDaysIn } from "@/lib/time/local-day";
import { idSchema } from "./columns";

// The shapes of metricas-leads.ts' MetricasScope and MetricasPeriodo (restated: that module imports this one).
type MetricasScope = { imobiliariaId: string; corretorId: string | null };
type MetricasPeriodo = { desde: Date; ate: Date; timezone: string };

/** [de, ateExclusivo) as local days, when the period starts and ends at local midnights; else null. */
export type DiasDoPeriodo = { de: string; ateExclusivo: string };

export function wholeLocalDays(p: MetricasPeriodo): DiasDoPeriodo | null {
  const dias = localDaysIn(p.desde, p.ate, p.timezone);
  const de = dias[0];
  const ultimo = dias.at(-1);
  if (!de || !ultimo) return null;
  const inicio = localDayRange(de, p.timezone);
  const fim = localDayRange(ultimo, p.timezone);
  if (inicio?.start.getTime() !== p.desde.getTime() || fim?.end.getTime() !== p.ate.getTime()) return null;
  return { de, ateExclusivo: localDaysIn(p.ate, new Date(p.ate.getTime() + 1), p.timezone)[0]! };
}

/** `where` for a rollup table: the scope and the days. */
export function rollupWhere(scope: MetricasScope, dias: DiasDoPeriodo): SQL {
  const corretor = scope.corretorId ? sql`and corretor_id = ${idSchema.parse(scope.corretorId)}` : sql``;
  return sql`imobiliaria_id = ${idSchema.parse(scope.imobiliariaId)} ${corretor}
    and dia >= ${dias.de}::date and dia < ${dias.ateExclusivo}::date`;
}

/** True when the rollup's days are `timezone`'s: the agency's timezone is the one asked for. */
export function rollupCovers(scope: MetricasScope, timezone: string): SQL {
  return sql`coalesce((select timezone = ${timezone} from imobiliarias where id = ${idSchema.parse(scope.imobiliariaId)}), false)`;
}

/** One day and broker of the first-response histogram: `segundos` ascending, `leads` answered after each. */
export type HistogramaDia = { dia: string; corretorId: string; segundos: number[]; leads: number[] };
export type PercentisResposta = { medianaMin: number | null; p90Min: number | null; medidas: number };

/**
 * Median and p90 of first-response minutes over some days and brokers of the histogram, exactly as
 * Postgres' percentile_cont over the raw minutes (segundos / 60) computes them: the values at ranks
 * floor(q·(N−1)) and ceil(q·(N−1)), interpolated in float8 (JavaScript numbers are the same doubles).
 * Done here rather than in SQL: merging a few thousand sorted buckets costs less than Postgres' sorts.
 */
export function percentilesOf(partes: readonly HistogramaDia[]): PercentisResposta {
  const contagem = new Map<number, number>();
  let total = 0;
  for (const p of partes)
    for (let i = 0; i < p.segundos.length; i++) {
      const n = p.leads[i]!;
      contagem.set(p.segundos[i]!, (contagem.get(p.segundos[i]!) ?? 0) + n);
      total += n;
    }
  if (total === 0) return { medianaMin: null, p90Min: null, medidas: 0 };
  const valores = [...contagem.keys()].sort((a, b) => a - b);
  const at = (rank: number) => {
    let antes = 0;
    for (const v of valores) {
      antes += contagem.get(v)!;
      if (rank < antes) return v / 60;
    }
    return valores.at(-1)! / 60;
  };
  const cont = (q: number) => {
    const h = q * (total - 1);
    const [lo, hi] = [Math.floor(h), Math.ceil(h)];
    const a = at(lo);
    return hi > lo ? a + (at(hi) - a) * (h - lo) : a;
  };
  return { medianaMin: cont(0.5), p90Min: cont(0.9), medidas: total };
}
