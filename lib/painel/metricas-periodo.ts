// /metricas' and /visao-geral's period from the URL: the last 7, 30 or 90 São Paulo days (today
// included), or a custom de/até, and the period of the same length just before (for the trend).
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { z } from "zod";
import { localDayRange } from "@/lib/time/local-day";
import { dayParam, idParam, optionalParam, type RawSearchParams } from "./search-params";

export const PERIODOS = ["7", "30", "90", "custom"] as const;
export type PeriodoEscolha = (typeof PERIODOS)[number];
/** A custom period longer than this is cut to its last days: a year is the widest view the charts read well. */
export const MAX_DIAS = 366;

export type PeriodoMetricas = {
  escolha: PeriodoEscolha;
  /** First and last day shown, inclusive ("2026-12-05"). */
  de: string;
  ate: string;
  dias: number;
  desde: Date;
  /** Exclusive: the first instant after the last day. */
  ateExclusivo: Date;
  anterior: { desde: Date; ate: Date };
};

const schema = z.object({
  periodo: optionalParam(z.enum(PERIODOS)),
  de: dayParam,
  ate: dayParam,
  corretor: idParam,
});

export type MetricasFiltros = { periodo: PeriodoMetricas; corretor: string | undefined };

const DIA_MS = 86_400_000;
const hojeEm = (agora: Date, tz: string) => format(new TZDate(agora.getTime(), tz), "yyyy-MM-dd");
/** Calendar arithmetic on a day's name (no instant, so no zone involved). */
const somarDias = (dia: string, n: number) =>
  new Date(Date.parse(`${dia}T00:00:00Z`) + n * DIA_MS).toISOString().slice(0, 10);

function periodo(escolha: PeriodoEscolha, de: string, ate: string, tz: string): PeriodoMetricas {
  const inicio = localDayRange(de, tz)!;
  const fim = localDayRange(ate, tz)!;
  const dias = Math.round((Date.parse(`${ate}T12:00:00Z`) - Date.parse(`${de}T12:00:00Z`)) / DIA_MS) + 1;
  const anteriorDesde = localDayRange(somarDias(de, -dias), tz)!.start;
  return {
    escolha,
    de,
    ate,
    dias,
    desde: inicio.start,
    ateExclusivo: fim.end,
    anterior: { desde: anteriorDesde, ate: inicio.start },
  };
}

export function parseMetricasFiltros(
  raw: RawSearchParams,
  timezone: string,
  agora: Date = new Date(),
): MetricasFiltros {
  const f = schema.parse(raw);
  const hoje = hojeEm(agora, timezone);
  const ultimos = (n: number, escolha: PeriodoEscolha) => periodo(escolha, somarDias(hoje, 1 - n), hoje, timezone);
  let p: PeriodoMetricas;
  if (f.periodo === "custom" && f.de && f.ate) {
    const [de, ate] = f.de <= f.ate ? [f.de, f.ate] : [f.ate, f.de];
    const deLimitado = de < somarDias(ate, 1 - MAX_DIAS) ? somarDias(ate, 1 - MAX_DIAS) : de;
    p = periodo("custom", deLimitado, ate, timezone);
  } else if (f.periodo === "7" || f.periodo === "90") {
    p = ultimos(Number(f.periodo), f.periodo);
  } else {
    p = ultimos(30, "30");
  }
  return { periodo: p, corretor: f.corretor };
}
