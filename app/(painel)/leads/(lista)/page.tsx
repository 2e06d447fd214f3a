// /leads: every lead in the login's scope, newest received first, filtered and searched by URL, a
// page at a time (keyset). A broker sees the leads routed to them; a manager the agency's.
import type { Metadata } from "next";
import Link from "next/link";
import { LeadsCards } from "@/components/painel/leads-cards";
import { LeadsFiltros } from "@/components/painel/leads-filtros";
import { LeadsPaginacao } from "@/components/painel/leads-paginacao";
import { LeadsTable } from "@/components/painel/leads-table";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/table";
import { narrowToCorretor, requireScope } from "@/lib/auth/authorize";
import { getDb } from "@/lib/db/client";
import { listCorretores } from "@/lib/db/queries/corretores";
import { listLeads } from "@/lib/db/queries/leads-lista";
import { hasLeadsFiltros, leadsQueryString, parseLeadsFiltros, toLeadsBusca } from "@/lib/painel/leads-filtros";
import { loadImobiliaria } from "@/lib/painel/load-imobiliaria";
import type { RawSearchParams } from "@/lib/painel/search-params";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Leads · Lastro" };

const POR_PAGINA = 50;

type PageProps = { searchParams: Promise<RawSearchParams> };

export default async function LeadsPage({ searchParams }: PageProps) {
  const { scope } = await requireScope();
  // A value in the URL that does not fit is dropped (the list then ignores that filter), never a 500.
  const filtros = parseLeadsFiltros(await searchParams);
  const visible = narrowToCorretor(scope, filtros.corretor);
  const isBroker = scope.corretorId !== null;
  const { db } = await getDb();
  const imobiliaria = await loadImobiliaria(scope.imobiliariaId);
  const { scoreQuente, scoreMorno } = imobiliaria.configuracoes;
  const busca = toLeadsBusca(filtros, { scoreQuente, timezone: imobiliaria.timezone });
  const [corretores, pagina] = await Promise.all([
    isBroker ? null : listCorretores(db, scope.imobiliariaId),
    listLeads(db, visible, busca, { limit: POR_PAGINA, apos: filtros.apos, antes: filtros.antes }),
  ]);
  const filtrado = hasLeadsFiltros(filtros);
  const exportHref = `/api/leads/export${leadsQueryString(filtros)}`;
  const listaProps = {
    leads: pagina.leads,
    timezone: imobiliaria.timezone,
    limiares: { quente: scoreQuente, morno: scoreMorno },
    mostrarCorretor: !isBroker,
  };

  return (
    <div className="space-y-6">
      <PageHeader
        title="Leads"
        description={`${isBroker ? "Os leads encaminhados a você" : "Os leads da imobiliária"}, os recebidos por último primeiro.`}
        actions={
          isBroker ? null : (
            <a
              href={exportHref}
              download
              className="rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50"
              data-testid="leads-exportar"
            >
              Exportar CSV
            </a>
          )
        }
      />
      <LeadsFiltros
        filtros={filtros}
        corretores={corretores?.map((c) => ({ id: c.id, nome: c.nome })) ?? null}
        scoreQuente={scoreQuente}
        filtrado={filtrado}
      />
      {pagina.leads.length === 0 ? (
        <EmptyState>
          {filtrado ? (
            <>
              Nenhum lead com esses filtros.{" "}
              <Link href="/leads" className="font-medium text-brand-700 underline">
                Limpar filtros
              </Link>
            </>
          ) : (
            "Nenhum lead ainda."
          )}
        </EmptyState>
      ) : (
        <section aria-label="Resultados" className="space-y-4" data-testid="leads-resultados">
          <div className="hidden md:block">
            <LeadsTable {...listaProps} />
          </div>
          <div className="md:hidden">
            <LeadsCards {...listaProps} />
          </div>
          <LeadsPaginacao
            maisRecentes={pagina.anteriores ? `/leads${leadsQueryString(filtros, { antes: pagina.anteriores })}` : null}
            maisAntigos={pagina.proximos ? `/leads${leadsQueryString(filtros, { apos: pagina.proximos })}` : null}
          />
        </section>
      )}
    </div>
  );
}
