// A broker's numbers on their page: the same figures as their row in /metricas' ranking (one source,
// agents/analista/period-performance.ts), for the last 30 days, with a link to the charts.
import Link from "next/link";
import type { CorretorRanking } from "@/agents/analista/period-performance";
import { formatValor } from "@/components/charts/formato";

type CorretorNumerosProps = {
  /** Null when the broker got no lead and no message in the period. */
  numeros: CorretorRanking | null;
  /** Whole percent of the period's roleta-routed leads; null when the roleta routed none. */
  partilhaRoleta: number | null;
  dias: number;
  /** /metricas for this broker and period. */
  metricasHref: string;
};

export function CorretorNumeros({ numeros, partilhaRoleta, dias, metricasHref }: CorretorNumerosProps) {
  const n = numeros;
  const itens: [string, string][] = [
    ["Leads recebidos", formatValor(n?.leads ?? 0, "numero")],
    ["Parte dos leads da imobiliária", formatValor(n?.partilhaPct ?? null, "pct")],
    ["Parte dos leads da roleta", formatValor(partilhaRoleta, "pct")],
    ["1ª resposta (mediana)", formatValor(n?.medianaMin ?? null, "minutos")],
    ["1ª resposta (p90)", formatValor(n?.p90Min ?? null, "minutos")],
    ["Lead → visita", formatValor(n?.conversaoVisitaPct ?? null, "pct")],
    ["Mensagens enviadas", formatValor(n?.enviadas ?? 0, "numero")],
    ["Retidas pela cota diária", formatValor(n?.retidas ?? 0, "numero")],
  ];
  return (
    <section
      aria-labelledby="corretor-numeros-titulo"
      className="max-w-3xl space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5"
      data-testid="corretor-numeros"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="corretor-numeros-titulo" className="text-base font-semibold text-ink">
          Números dos últimos {dias} dias
        </h2>
        <Link href={metricasHref} className="text-sm font-medium text-brand-700 underline underline-offset-2">
          Ver gráficos em Métricas
        </Link>
      </div>
      <dl className="grid grid-cols-2 gap-x-4 gap-y-3 sm:grid-cols-4">
        {itens.map(([rotulo, valor]) => (
          <div key={rotulo} className="min-w-0">
            <dt className="text-xs font-medium text-muted">{rotulo}</dt>
            <dd className="text-lg font-semibold text-ink tabular-nums">{valor}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
