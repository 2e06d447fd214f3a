// One broker's settings. A manager opens any broker of the agency; a broker only their own page
// ("Minhas preferências"): another broker's id is the same 404 as a missing one.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { calculatePeriodPerformance } from "@/agents/analista/period-performance";
import { CorretorNumeros } from "@/components/painel/corretor-numeros";
import { CorretorPreferencias } from "@/components/painel/corretor-preferencias-client";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { requireScope } from "@/lib/auth/authorize";
import { getDb } from "@/lib/db/client";
import { getCorretorById } from "@/lib/db/queries/corretores";
import { loadImobiliaria } from "@/lib/painel/load-imobiliaria";
import { parseMetricasFiltros } from "@/lib/painel/metricas-periodo";
import { formatDataHora } from "@/lib/time/format-data-hora";
import { isPaused } from "@/lib/time/working-hours";
import { salvarPreferenciasAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Corretor · Lastro" };

type PageProps = { params: Promise<{ id: string }> };

export default async function CorretorPage({ params }: PageProps) {
  const { scope } = await requireScope();
  const { id } = await params;
  if (scope.corretorId !== null && scope.corretorId !== id) notFound();
  await connection(); // "now" (for the pause) is the request's time, not the build's
  const { db } = await getDb();
  const [imobiliaria, corretor] = await Promise.all([
    loadImobiliaria(scope.imobiliariaId),
    getCorretorById(db, scope.imobiliariaId, id),
  ]);
  if (!corretor) notFound();
  // The agency's whole period, not just this broker's leads: their share of the leads needs the total.
  const { periodo } = parseMetricasFiltros({ periodo: "30" }, imobiliaria.timezone);
  const desempenho = await calculatePeriodPerformance(
    db,
    { imobiliariaId: scope.imobiliariaId, corretorId: null },
    { desde: periodo.desde, ate: periodo.ateExclusivo, timezone: imobiliaria.timezone },
  );
  const numeros = desempenho.ranking?.find((r) => r.corretorId === corretor.id) ?? null;
  const gestao = scope.corretorId === null;
  const p = corretor.preferencias;
  const pausado = isPaused(p, new Date());
  const ativo = corretor.ativo !== false;

  return (
    <div className="space-y-5" data-testid="corretor-pagina" data-corretor-id={corretor.id}>
      {gestao ? (
        <Link href="/corretores" className="text-sm font-medium text-brand-700 hover:underline">
          ← Corretores
        </Link>
      ) : null}
      <PageHeader
        title={gestao ? corretor.nome : "Minhas preferências"}
        description={`Horários no fuso da imobiliária (${imobiliaria.timezone}). Uma mudança vale a partir do próximo lead.`}
        actions={
          !ativo ? (
            <Badge>Inativo</Badge>
          ) : pausado ? (
            <Badge tom="alerta">Pausado</Badge>
          ) : (
            <Badge tom="sucesso">Ativo</Badge>
          )
        }
      />
      <CorretorNumeros
        numeros={numeros}
        partilhaRoleta={desempenho.roleta.leads > 0 ? (desempenho.roleta.partilhaPct[corretor.id] ?? 0) : null}
        dias={periodo.dias}
        metricasHref={gestao ? `/metricas?periodo=30&corretor=${corretor.id}` : "/metricas?periodo=30"}
      />
      <div className="max-w-3xl">
        <CorretorPreferencias
          gestao={gestao}
          acao={salvarPreferenciasAction}
          valores={{
            corretorId: corretor.id,
            limiteDiario: p.limiteDiario,
            pesoRoleta: imobiliaria.configuracoes.pesosRoleta[corretor.id] ?? 1,
            inicio: p.horario.inicio,
            fim: p.horario.fim,
            dias: p.dias,
            janelaMinutos: p.agrupamento.janelaMinutos,
            tamanhoMaximo: p.agrupamento.tamanhoMaximo,
            silencio: p.silencio,
            pausaTexto: pausado
              ? `Pausado até ${formatDataHora(new Date(p.pausadoAte!), imobiliaria.timezone)}.`
              : null,
            ativo,
          }}
        />
      </div>
    </div>
  );
}
