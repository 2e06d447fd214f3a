// /eventos: what the Vigilante detected, newest first, with the Orquestrador's decision and reason and
// the messages that came of it, so a manager sees why any lead did or did not produce a message. A
// broker sees the events raised for them; a manager the agency's. Filtered by URL, a page at a time.
import type { Metadata } from "next";
import Link from "next/link";
import { EventosFiltros } from "@/components/painel/eventos-filtros";
import { EventosLista } from "@/components/painel/eventos-lista";
import { PageHeader } from "@/components/ui/page-header";
import { Paginacao } from "@/components/ui/paginacao";
import { EmptyState } from "@/components/ui/table";
import { narrowToCorretor, requireScope } from "@/lib/auth/authorize";
import { getDb } from "@/lib/db/client";
import { listCorretores } from "@/lib/db/queries/corretores";
import {
  eventosQueryString,
  hasEventosFiltros,
  parseEventosFiltros,
  toEventosBusca,
} from "@/lib/painel/eventos-filtros";
import { loadEventosPagina } from "@/lib/painel/load-eventos";
import { loadImobiliaria } from "@/lib/painel/load-imobiliaria";
import type { RawSearchParams } from "@/lib/painel/search-params";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Eventos · Lastro" };

const POR_PAGINA = 30;

type PageProps = { searchParams: Promise<RawSearchParams> };

export default async function EventosPage({ searchParams }: PageProps) {
  const { scope } = await requireScope();
  // A value in the URL that does not fit is dropped (the list then ignores that filter), never a 500.
  const filtros = parseEventosFiltros(await searchParams);
  const visible = narrowToCorretor(scope, filtros.corretor);
  const isBroker = scope.corretorId !== null;
  const { db } = await getDb();
  const imobiliaria = await loadImobiliaria(scope.imobiliariaId);
  const { scoreQuente, scoreMorno } = imobiliaria.configuracoes;
  const corretores = await listCorretores(db, scope.imobiliariaId);
  const pagina = await loadEventosPagina(
    db,
    visible,
    toEventosBusca(filtros, imobiliaria.timezone),
    { limit: POR_PAGINA, apos: filtros.apos },
    { limiares: { quente: scoreQuente, morno: scoreMorno }, timezone: imobiliaria.timezone, corretores },
  );
  const filtrado = hasEventosFiltros(filtros);

  return (
    <div className="space-y-6">
      <PageHeader
        title="Eventos"
        description={`${isBroker ? "O que o Lastro detectou para você" : "O que o Lastro detectou"}, o mais recente primeiro: a decisão, o motivo e a mensagem que saiu (ou por que não saiu).`}
      />
      <EventosFiltros
        filtros={filtros}
        corretores={isBroker ? null : corretores.map((c) => ({ id: c.id, nome: c.nome }))}
        filtrado={filtrado}
      />
      {pagina.itens.length === 0 ? (
        <EmptyState>
          {filtrado ? (
            <>
              Nenhum evento com esses filtros.{" "}
              <Link href="/eventos" className="font-medium text-brand-700 underline">
                Limpar filtros
              </Link>
            </>
          ) : (
            "Nenhum evento ainda."
          )}
        </EmptyState>
      ) : (
        <section aria-label="Resultados" className="space-y-4" data-testid="eventos-resultados">
          <EventosLista itens={pagina.itens} timezone={imobiliaria.timezone} mostrarCorretor={!isBroker} />
          <Paginacao
            maisRecentes={filtros.apos ? `/eventos${eventosQueryString(filtros)}` : null}
            maisAntigas={pagina.proximos ? `/eventos${eventosQueryString(filtros, pagina.proximos)}` : null}
            rotulos={{ recentes: "← Mais recentes", antigas: "Mais antigos →" }}
          />
        </section>
      )}
    </div>
  );
}
