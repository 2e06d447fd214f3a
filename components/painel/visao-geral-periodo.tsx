// The overview's period block: 7/30/90 days, four KPI cards with the change against the period just
// before, and the two small charts (leads per day, first response) — the same figures as /metricas.
import Link from "next/link";
import type { DesempenhoPeriodo } from "@/agents/analista/period-performance";
import { formatDia, formatValor, formatVariacao, type Formato } from "@/components/charts/formato";
import { foco } from "@/components/ui/estilos";
import type { PeriodoMetricas } from "@/lib/painel/metricas-periodo";
import { leadsDoPeriodoHref } from "@/lib/painel/visao-geral-links";
import { GraficoLeadsPorDia, GraficoPrimeiraResposta } from "./metricas-graficos";

type Kpi = {
  rotulo: string;
  valor: number | null;
  anterior: number | null;
  formato: Formato;
  href: string;
  testId: string;
};

function KpiCard({ k, dias }: { k: Kpi; dias: number }) {
  return (
    <div className="relative rounded-2xl border border-brand-100 bg-white p-5 shadow-sm hover:border-brand-300 has-[a:focus-visible]:outline-2 has-[a:focus-visible]:outline-offset-2 has-[a:focus-visible]:outline-brand-600">
      <dt className="pr-5 text-sm font-medium text-muted">
        <Link
          href={k.href}
          className="outline-none after:absolute after:inset-0 after:rounded-2xl after:content-['']"
          data-testid={`link-${k.testId}`}
        >
          {k.rotulo}
        </Link>
      </dt>
      <dd
        className="mt-2 text-3xl font-semibold tracking-tight text-brand-800 tabular-nums"
        data-testid={`count-${k.testId}`}
        data-count={k.valor ?? ""}
      >
        {formatValor(k.valor, k.formato)}
      </dd>
      <dd className="mt-1 text-xs text-muted">{formatVariacao(k.valor, k.anterior, k.formato, dias)}</dd>
    </div>
  );
}

type Props = { periodo: PeriodoMetricas; atual: DesempenhoPeriodo; anterior: DesempenhoPeriodo };

export function VisaoGeralPeriodo({ periodo, atual, anterior }: Props) {
  const q = `de=${periodo.de}&ate=${periodo.ate}`;
  const metricas = `/metricas?periodo=${periodo.escolha}${periodo.escolha === "custom" ? `&${q}` : ""}`;
  const visita = (d: DesempenhoPeriodo) => d.funil.find((e) => e.etapa === "visita")?.leads ?? 0;
  const kpis: Kpi[] = [
    {
      rotulo: "Leads recebidos",
      valor: atual.funil[0]!.leads,
      anterior: anterior.funil[0]!.leads,
      formato: "numero",
      href: leadsDoPeriodoHref(periodo),
      testId: "periodo-leads",
    },
    {
      rotulo: "1ª resposta (mediana)",
      valor: atual.resposta.medianaMin,
      anterior: anterior.resposta.medianaMin,
      formato: "minutos",
      href: metricas,
      testId: "periodo-resposta",
    },
    {
      rotulo: "Chegaram à visita",
      valor: visita(atual),
      anterior: visita(anterior),
      formato: "numero",
      href: metricas,
      testId: "periodo-visitas",
    },
    {
      rotulo: "Mensagens enviadas",
      valor: atual.mensagens.enviadas,
      anterior: anterior.mensagens.enviadas,
      formato: "numero",
      href: metricas,
      testId: "periodo-mensagens",
    },
  ];
  return (
    <section aria-labelledby="periodo-titulo" className="space-y-4" data-testid="visao-geral-periodo">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="periodo-titulo" className="text-lg font-semibold text-ink">
          {formatDia(periodo.de)} a {formatDia(periodo.ate)}
        </h2>
        <nav aria-label="Período" className="flex gap-2 text-sm">
          {(["7", "30", "90"] as const).map((p) => (
            <Link
              key={p}
              href={`/visao-geral?periodo=${p}`}
              aria-current={periodo.escolha === p ? "page" : undefined}
              className={`rounded-lg px-3 py-2 font-medium ${periodo.escolha === p ? "bg-brand-700 text-white" : "text-brand-700 hover:bg-brand-50"} ${foco}`}
            >
              {p} dias
            </Link>
          ))}
        </nav>
      </div>
      <dl className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        {kpis.map((k) => (
          <KpiCard key={k.testId} k={k} dias={periodo.dias} />
        ))}
      </dl>
      <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
        <GraficoLeadsPorDia d={atual} />
        <GraficoPrimeiraResposta d={atual} />
      </div>
    </section>
  );
}
