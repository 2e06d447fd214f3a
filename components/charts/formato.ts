// How the charts and their tables write numbers, percents, minutes and days: pt-BR, São Paulo days.
// Shared by server pages and the client charts, so a figure reads the same in both.
import { duracaoTexto } from "@/lib/painel/first-response";
import { DEFAULT_TIMEZONE } from "@/lib/time/working-hours";

/** What a series' values are: a client chart receives this name, never a formatting function. */
export type Formato = "numero" | "minutos" | "pct";

const numero = new Intl.NumberFormat("pt-BR");
const dia = new Intl.DateTimeFormat("pt-BR", { day: "2-digit", month: "2-digit", timeZone: DEFAULT_TIMEZONE });
const diaLongo = new Intl.DateTimeFormat("pt-BR", {
  weekday: "short",
  day: "2-digit",
  month: "2-digit",
  timeZone: DEFAULT_TIMEZONE,
});

export function formatValor(v: number | null | undefined, formato: Formato): string {
  if (v === null || v === undefined || Number.isNaN(v)) return "—";
  if (formato === "minutos") return duracaoTexto(Math.round(v));
  if (formato === "pct") return `${numero.format(v)}%`;
  return numero.format(v);
}

// A calendar day ("2026-12-05") is read at noon UTC, which is the same date in São Paulo.
const meioDia = (d: string) => new Date(`${d}T12:00:00Z`);

/** "05/12". */
export function formatDia(d: string): string {
  return dia.format(meioDia(d));
}

/** "sáb., 05/12". */
export function formatDiaLongo(d: string): string {
  return diaLongo.format(meioDia(d));
}

/** "+12% sobre os 30 dias anteriores"; minutes change by minutes, since a percent of a time reads oddly. */
export function formatVariacao(
  valor: number | null,
  anteriorValor: number | null,
  formato: Formato,
  dias: number,
): string {
  const k = { valor, anterior: anteriorValor, formato };
  const antes = `sobre os ${dias} dias anteriores`;
  const igual = `igual aos ${dias} dias anteriores`;
  const semBase = `sem comparação com os ${dias} dias anteriores`;
  if (k.valor === null || k.anterior === null) return semBase;
  if (k.formato === "minutos") {
    const diff = Math.round(k.valor - k.anterior);
    return diff === 0 ? igual : `${diff > 0 ? "+" : "−"}${formatValor(Math.abs(diff), "minutos")} ${antes}`;
  }
  if (k.anterior === 0) return k.valor === 0 ? igual : semBase;
  const pct = Math.round((100 * (k.valor - k.anterior)) / k.anterior);
  return pct === 0 ? igual : `${pct > 0 ? "+" : "−"}${formatValor(Math.abs(pct), "pct")} ${antes}`;
}
