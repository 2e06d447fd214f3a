// One lead: who, what they want, why they scored what they did, everything that happened, and the
// actions to work it. A lead outside the login's scope is the same 404 as a missing one.
import type { Metadata } from "next";
import { rascunhoDoLead } from "@/agents/conselheiro/rascunho/rascunho-do-lead";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LeadAcoes } from "@/components/painel/lead-acoes-client";
import { LeadAnalise } from "@/components/painel/lead-analise";
import { LeadBusca } from "@/components/painel/lead-busca";
import { LeadDetalhes } from "@/components/painel/lead-detalhes";
import { LeadOptOut } from "@/components/painel/lead-opt-out-client";
import { LeadScore } from "@/components/painel/lead-score";
import { LeadRascunho } from "@/components/painel/lead-rascunho";
import { LeadTimeline } from "@/components/painel/lead-timeline";
import { Badge } from "@/components/ui/badge";
import { ScoreBadge } from "@/components/ui/score-badge";
import { requireScope } from "@/lib/auth/authorize";
import { getDb } from "@/lib/db/client";
import { listCorretores } from "@/lib/db/queries/corretores";
import { telLink, whatsappLink } from "@/lib/painel/contato";
import { loadImobiliaria } from "@/lib/painel/load-imobiliaria";
import { loadLeadDetalhe } from "@/lib/painel/load-lead-detalhe";
import { STATUS_LEAD } from "@/lib/painel/rotulos";
import { formatDataHora } from "@/lib/time/format-data-hora";
import { PORTAIS, type Portal } from "@/lib/db/schema";
import { PORTAL_ROTULO } from "@/lib/painel/auditoria-texto";
import { historicoCompletoParam, type RawSearchParams } from "@/lib/painel/search-params";
import { adicionarNotaAction, mudarStatusAction, naoQuerContatoAction, reatribuirAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Lead · Lastro" };

type PageProps = { params: Promise<{ id: string }>; searchParams: Promise<RawSearchParams> };

export default async function LeadPage({ params, searchParams }: PageProps) {
  const { scope } = await requireScope();
  const { id } = await params;
  const historicoCompleto = historicoCompletoParam.parse((await searchParams).historico);
  const { db } = await getDb();
  const imobiliaria = await loadImobiliaria(scope.imobiliariaId);
  const { timezone } = imobiliaria;
  const limiares = { quente: imobiliaria.configuracoes.scoreQuente, morno: imobiliaria.configuracoes.scoreMorno };
  const gestao = scope.corretorId === null;
  const [detalhe, corretores] = await Promise.all([
    loadLeadDetalhe(db, scope, id, { limiares, timezone, historicoCompleto }),
    gestao ? listCorretores(db, scope.imobiliariaId) : null,
  ]);
  if (!detalhe) notFound();
  const { lead } = detalhe;
  // The draft reuses what the page read: no second read of the interações, broker or listing.
  const rascunho = await rascunhoDoLead(db, lead, {
    interacoes: detalhe.interacoes,
    corretor: detalhe.corretor,
    imovel: detalhe.imovel,
  });
  const status = lead.status ? STATUS_LEAD[lead.status] : null;
  const score = lead.score ?? 0;
  const optOut = optOutDe(lead.metadata);

  return (
    <div className="space-y-5 pb-24 md:pb-0" data-testid="lead-pagina" data-lead-id={lead.id}>
      <div className="min-w-0">
        <Link
          href="/leads"
          className="rounded text-sm font-medium text-brand-700 hover:text-brand-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
        >
          ← Leads
        </Link>
        <h1 className="mt-1 break-words text-2xl font-semibold tracking-tight text-ink">{lead.nome}</h1>
        <div className="mt-2 flex flex-wrap items-center gap-2">
          <ScoreBadge score={score} limiares={limiares} testId="lead-score-badge" />
          {status ? (
            <Badge tom={status.tom} testId="lead-status-badge">
              {status.rotulo}
            </Badge>
          ) : null}
          {optOut ? (
            <Badge tom="alerta" testId="lead-opt-out-badge">
              Não quer contato
            </Badge>
          ) : null}
        </div>
      </div>

      <div className="grid gap-5 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0 space-y-5 lg:col-start-2 lg:row-start-1">
          <LeadDetalhes detalhe={detalhe} timezone={timezone} />
          <LeadAcoes
            leadId={lead.id}
            status={lead.status}
            tel={telLink(lead.telefone)}
            whatsapp={whatsappLink(lead.telefone)}
            mudarStatus={mudarStatusAction}
            adicionarNota={adicionarNotaAction}
            reatribuicao={
              corretores
                ? {
                    corretores: corretores.filter((c) => c.ativo !== false).map((c) => ({ id: c.id, nome: c.nome })),
                    corretorAtualId: lead.corretorId,
                    acao: reatribuirAction,
                  }
                : null
            }
          />
          <LeadOptOut
            leadId={lead.id}
            marcado={
              optOut
                ? `desde ${formatDataHora(new Date(optOut.em), timezone)}, ${optOut.canal === "whatsapp" ? "pelo WhatsApp" : "marcado no painel"}`
                : null
            }
            baseLegal={baseLegalTexto(lead.metadata, timezone)}
            acao={naoQuerContatoAction}
          />
        </div>
        <div className="min-w-0 space-y-5 lg:col-start-1 lg:row-start-1">
          <LeadScore score={score} fatores={detalhe.fatores} limiares={limiares} />
          {/* Someone who asked not to be contacted gets no ready-made first message. */}
          {rascunho && !optOut ? <LeadRascunho rascunho={rascunho} telefone={lead.telefone} /> : null}
          <LeadAnalise analise={detalhe.analise} timezone={timezone} />
          <LeadBusca busca={lead.busca} />
          <LeadTimeline
            itens={detalhe.timeline}
            timezone={timezone}
            historico={{
              cortado: detalhe.historicoCortado,
              completo: historicoCompleto,
              href: `/leads/${encodeURIComponent(lead.id)}`,
            }}
          />
        </div>
      </div>
    </div>
  );
}

/** `metadata.optOut` as the page shows it (agents/vigilante/opt-out.ts writes it); null when absent or odd. */
function optOutDe(metadata: unknown): { em: string; canal: string } | null {
  const o = (metadata as { optOut?: { em?: unknown; canal?: unknown } } | null)?.optOut;
  return o && typeof o.em === "string" && typeof o.canal === "string" ? { em: o.em, canal: o.canal } : null;
}

/** `metadata.baseLegal` (recorded at intake, agents/vigilante/intake-metadata.ts) in words; null when absent. */
function baseLegalTexto(metadata: unknown, timezone: string): string | null {
  const b = (metadata as { baseLegal?: { tipo?: unknown; portal?: unknown; em?: unknown } } | null)?.baseLegal;
  if (!b || b.tipo !== "legitimo_interesse" || typeof b.em !== "string") return null;
  const portal = (PORTAIS as readonly unknown[]).includes(b.portal) ? PORTAL_ROTULO[b.portal as Portal] : "portal";
  return `legítimo interesse, pedido de contato pelo ${portal} em ${formatDataHora(new Date(b.em), timezone)}`;
}
