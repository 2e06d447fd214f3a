// The one data shape every chart takes: rows with a label and a value per series key.
import type { Formato } from "./formato";

export type Serie = {
  chave: string;
  nome: string;
  /** This series' values, when not the chart's `formato`. */
  formato?: Formato;
  /** Shown in the table only (a percent beside counts would need its own axis). */
  soTabela?: boolean;
};
export type Linha = { rotulo: string; valores: Record<string, number | null> };

export type GraficoProps = {
  /** The chart's name, also the data table's caption. */
  titulo: string;
  /** One or two sentences a screen-reader user (and everyone) reads instead of looking at the marks. */
  resumo: string;
  series: Serie[];
  linhas: Linha[];
  formato?: Formato;
  /** Row labels are days ("2026-12-05"): shown as dates. */
  rotulosSaoDias?: boolean;
  testId?: string;
};
