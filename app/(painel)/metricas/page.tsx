// /metricas: the agency's (or, for a broker, their own) period in charts — leads, first response,
// funnel, portals, messages, demand against stock — and the broker ranking for managers.
import type { Metadata } from "next";
import { aggregateDemandVsStock } from "@/agents/analista/demand-vs-stock";
import { calculatePeriodPerformance } from "@/agents/analista/period-performance";
import { formatValor } from "@/components/charts/formato";
import { MetricasDemandaListas } from "@/components/painel/metricas-demanda-listas";
import { MetricasFiltros } from "@/components/painel/metricas-filtros";
import {
  GraficoFunil,
  GraficoLeadsPorDia,
  GraficoMensagens,
  GraficoPortais,
  GraficoPrimeiraResposta,
  GraficosDemanda,
} from "@/components/painel/metricas-graficos";
import { MetricasRanking } from "@/components/painel/metricas-ranking";
import { MetricasUsoIa } from "@/components/painel/metricas-uso-ia";
import { PageHeader } from "@/components/ui/page-header";
import { narrowToCorretor, requireScope } from "@/lib/auth/authorize";
import { getDb } from "@/lib/db/client";
import { listCorretores } from "@/lib/db/queries/corretores";
import { env } from "@/lib/env";
import { loadImobiliaria } from "@/lib/painel/load-imobiliaria";
import { loadUsoIa } from "@/lib/painel/uso-ia";
import { parseMetricasFiltros } from "@/lib/painel/metricas-periodo";
import type { RawSearchParams } from "@/lib/painel/search-params";
import { formatDia } from "@/components/charts/formato";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Métricas · Lastro" };

type PageProps = { searchParams: Promise<RawSearchParams> };

export default async function MetricasPage({ searchParams }: PageProps) {
  const { scope } = await requireScope();
  const imobiliaria = await loadImobiliaria(scope.imobiliariaId);
  const { periodo, corretor } = parseMetricasFiltros(await searchParams, imobiliaria.timezone);
  const visivel = narrowToCorretor(scope, corretor);
  const janela = { desde: periodo.desde, ate: periodo.ateExclusivo, timezone: imobiliaria.timezone };
  const { db } = await getDb();
  const [desempenho, demanda, corretores, usoIa] = await Promise.all([
    calculatePeriodPerformance(db, visivel, janela),
    aggregateDemandVsStock(db, visivel, janela),
    scope.corretorId ? Promise.resolve(null) : listCorretores(db, scope.imobiliariaId),
    // The agency's spend is the managers' concern, not a broker's.
    scope.corretorId ? Promise.resolve(null) : loadUsoIa(db, scope.imobiliariaId, periodo.de, periodo.ate),
  ]);
  const intervalo = `${formatDia(periodo.de)} a ${formatDia(periodo.ate)} (${formatValor(periodo.dias, "numero")} dias)`;

  return (
    <div className="space-y-6" data-testid="metricas">
      <PageHeader
        title={scope.corretorId ? "Minhas métricas" : "Métricas"}
        description={
          scope.corretorId
            ? `Seus leads e suas mensagens, ${intervalo}.`
            : `${imobiliaria.nome}, ${intervalo}. Dias no fuso de São Paulo.`
        }
      />
      <MetricasFiltros
        action="/metricas"
        periodo={periodo}
        corretores={corretores?.map((c) => ({ id: c.id, nome: c.nome })) ?? null}
        corretor={visivel.corretorId ?? undefined}
      />
      <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
        <GraficoLeadsPorDia d={desempenho} />
        <GraficoPrimeiraResposta d={desempenho} />
        <GraficoFunil d={desempenho} />
        <GraficoPortais d={desempenho} />
        <GraficoMensagens d={desempenho} />
      </div>
      {desempenho.ranking ? (
        <MetricasRanking
          ranking={desempenho.ranking}
          partilhaRoleta={desempenho.roleta.partilhaPct}
          leadsDaRoleta={desempenho.roleta.leads}
        />
      ) : null}
      <div className="grid grid-cols-1 gap-4 xl:grid-cols-3">
        <GraficosDemanda dv={demanda} />
      </div>
      <MetricasDemandaListas dv={demanda} />
      {usoIa ? (
        <MetricasUsoIa
          uso={usoIa}
          ligada={env.llm !== null}
          limiteMensalUsd={imobiliaria.configuracoes.limiteMensalIaUsd}
        />
      ) : null}
    </div>
  );
}
