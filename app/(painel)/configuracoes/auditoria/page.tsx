// /configuracoes/auditoria (admins): the agency's audit trail, newest first, filtered by URL (action,
// user, period) and paged by keyset. A gestor or corretor gets "sem permissão".
import type { Metadata } from "next";
import Link from "next/link";
import { AuditoriaFiltros } from "@/components/painel/auditoria-filtros";
import { AuditoriaLista } from "@/components/painel/auditoria-lista";
import { ConfiguracoesAbas } from "@/components/painel/configuracoes-abas";
import { PageHeader } from "@/components/ui/page-header";
import { Paginacao } from "@/components/ui/paginacao";
import { EmptyState } from "@/components/ui/table";
import { requireRole } from "@/lib/auth/authorize";
import { getDb } from "@/lib/db/client";
import { listAuditoria, listAuditoriaOpcoes } from "@/lib/db/queries/auditoria";
import {
  auditoriaQueryString,
  hasAuditoriaFiltros,
  parseAuditoriaFiltros,
  toAuditoriaBusca,
} from "@/lib/painel/auditoria-filtros";
import { loadImobiliaria } from "@/lib/painel/load-imobiliaria";
import type { RawSearchParams } from "@/lib/painel/search-params";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Auditoria · Lastro" };

const POR_PAGINA = 50;
const BASE = "/configuracoes/auditoria";

type PageProps = { searchParams: Promise<RawSearchParams> };

export default async function AuditoriaPage({ searchParams }: PageProps) {
  const viewer = await requireRole("admin");
  const filtros = parseAuditoriaFiltros(await searchParams);
  const { db } = await getDb();
  const imobiliaria = await loadImobiliaria(viewer.imobiliariaId);
  const [pagina, opcoes] = await Promise.all([
    listAuditoria(db, imobiliaria.id, toAuditoriaBusca(filtros, imobiliaria.timezone), {
      limit: POR_PAGINA,
      apos: filtros.apos,
    }),
    listAuditoriaOpcoes(db, imobiliaria.id),
  ]);
  const filtrado = hasAuditoriaFiltros(filtros);

  return (
    <div className="space-y-6">
      <PageHeader
        title="Configurações"
        description="Quem mudou o quê, e quando: a mais recente primeiro. Nenhum dado pessoal fica aqui."
      />
      <ConfiguracoesAbas atual={BASE} />
      <AuditoriaFiltros filtros={filtros} opcoes={opcoes} filtrado={filtrado} />
      {pagina.itens.length === 0 ? (
        <EmptyState>
          {filtrado ? (
            <>
              Nada registrado com esses filtros.{" "}
              <Link href={BASE} className="font-medium text-brand-700 underline">
                Limpar filtros
              </Link>
            </>
          ) : (
            "Nada registrado ainda."
          )}
        </EmptyState>
      ) : (
        <section aria-label="Registros" className="space-y-4" data-testid="auditoria-resultados">
          <AuditoriaLista itens={pagina.itens} timezone={imobiliaria.timezone} />
          <Paginacao
            maisRecentes={filtros.apos ? `${BASE}${auditoriaQueryString(filtros)}` : null}
            maisAntigas={pagina.proximos ? `${BASE}${auditoriaQueryString(filtros, pagina.proximos)}` : null}
          />
        </section>
      )}
    </div>
  );
}
