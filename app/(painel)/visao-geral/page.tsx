// The dashboard's first page: headline counts within the login's scope, each card a link to the list it counts.
import type { Metadata } from "next";
import Link from "next/link";
import { calculatePeriodPerformance } from "@/agents/analista/period-performance";
import { VisaoGeralPeriodo } from "@/components/painel/visao-geral-periodo";
import { PageHeader } from "@/components/ui/page-header";
import { StatCard } from "@/components/ui/stat-card";
import { requireScope } from "@/lib/auth/authorize";
import { getDb } from "@/lib/db/client";
import { countVisaoGeral } from "@/lib/db/queries/painel-visao-geral";
import { loadImobiliaria } from "@/lib/painel/load-imobiliaria";
import { parseMetricasFiltros } from "@/lib/painel/metricas-periodo";
import type { RawSearchParams } from "@/lib/painel/search-params";
import { VISAO_GERAL_LINKS } from "@/lib/painel/visao-geral-links";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Visão geral · Lastro" };

type PageProps = { searchParams: Promise<RawSearchParams> };

export default async function VisaoGeralPage({ searchParams }: PageProps) {
  const { viewer, scope } = await requireScope();
  const imobiliaria = await loadImobiliaria(scope.imobiliariaId);
  const { periodo } = parseMetricasFiltros(await searchParams, imobiliaria.timezone);
  const tz = imobiliaria.timezone;
  const { db } = await getDb();
  const [counts, atual, anterior] = await Promise.all([
    countVisaoGeral(db, scope, imobiliaria.configuracoes.scoreQuente),
    calculatePeriodPerformance(db, scope, { desde: periodo.desde, ate: periodo.ateExclusivo, timezone: tz }),
    calculatePeriodPerformance(db, scope, { ...periodo.anterior, timezone: tz }),
  ]);
  const primeiroNome = viewer.nome.split(" ")[0] ?? viewer.nome;

  return (
    <div className="space-y-8">
      <PageHeader
        title={`Olá, ${primeiroNome}`}
        description={scope.corretorId ? "Seus leads e as mensagens enviadas a você." : `Resumo de ${imobiliaria.nome}.`}
      />
      <dl className="grid grid-cols-2 gap-4 lg:grid-cols-3">
        <StatCard
          label={scope.corretorId ? "Meus leads" : "Leads"}
          value={counts.leads}
          testId="painel-leads"
          href={VISAO_GERAL_LINKS.leads}
        />
        <StatCard
          label={`Leads quentes (score ≥ ${imobiliaria.configuracoes.scoreQuente})`}
          value={counts.leadsQuentes}
          testId="painel-leads-quentes"
          href={VISAO_GERAL_LINKS.leadsQuentes}
        />
        <StatCard
          label="Leads ainda sem contato"
          value={counts.leadsSemContato}
          testId="painel-leads-sem-contato"
          href={VISAO_GERAL_LINKS.leadsSemContato}
        />
        <StatCard
          label="Mensagens"
          value={counts.mensagens}
          testId="painel-mensagens"
          href={VISAO_GERAL_LINKS.mensagens}
        />
        <StatCard
          label="Na caixa de saída"
          value={counts.mensagensNaCaixa}
          testId="painel-caixa-saida"
          href={VISAO_GERAL_LINKS.mensagensNaCaixa}
        />
        {counts.corretoresAtivos === null ? (
          <StatCard
            label="Com falha ou incertas"
            value={counts.mensagensComProblema}
            testId="painel-mensagens-problema"
            href={VISAO_GERAL_LINKS.mensagensComProblema}
          />
        ) : (
          <StatCard
            label="Corretores ativos"
            value={counts.corretoresAtivos}
            testId="painel-corretores-ativos"
            href={VISAO_GERAL_LINKS.corretoresAtivos}
          />
        )}
      </dl>
      <VisaoGeralPeriodo periodo={periodo} atual={atual} anterior={anterior} />
      <p className="text-sm text-muted">
        As mensagens que o Lastro prepara para os corretores ficam em{" "}
        <Link href="/mensagens" className="font-medium text-brand-700 underline underline-offset-2">
          Mensagens
        </Link>
        , exatamente como chegam no WhatsApp.
      </p>
    </div>
  );
}
