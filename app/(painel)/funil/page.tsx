// /funil: the same leads as /leads, as a board by status. A broker sees their own; a manager the
// team's, narrowed to one broker if asked. Each column shows its newest leads and its total.
import type { Metadata } from "next";
import { FunilFiltros } from "@/components/painel/funil-filtros";
import { FunilQuadro } from "@/components/painel/funil-quadro-client";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { narrowToCorretor, requireScope } from "@/lib/auth/authorize";
import { getDb } from "@/lib/db/client";
import { listCorretores } from "@/lib/db/queries/corretores";
import { listFunil } from "@/lib/db/queries/leads-funil";
import { parseFunilFiltros, toFunilBusca } from "@/lib/painel/funil-filtros";
import { toQuadro } from "@/lib/painel/funil-quadro";
import { loadImobiliaria } from "@/lib/painel/load-imobiliaria";
import type { RawSearchParams } from "@/lib/painel/search-params";
import { moverNoFunilAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Funil · Lastro" };

const POR_COLUNA = 30;

type PageProps = { searchParams: Promise<RawSearchParams> };

export default async function FunilPage({ searchParams }: PageProps) {
  const { scope } = await requireScope();
  const filtros = parseFunilFiltros(await searchParams);
  const visible = narrowToCorretor(scope, filtros.corretor);
  const isBroker = scope.corretorId !== null;
  const { db } = await getDb();
  const imobiliaria = await loadImobiliaria(scope.imobiliariaId);
  const { scoreQuente, scoreMorno } = imobiliaria.configuracoes;
  const [corretores, colunas] = await Promise.all([
    isBroker ? null : listCorretores(db, scope.imobiliariaId),
    listFunil(db, visible, toFunilBusca(filtros, scoreQuente), POR_COLUNA),
  ]);
  const quadro = toQuadro(colunas, { now: new Date(), timezone: imobiliaria.timezone, filtros });
  const filtrado = Boolean(filtros.corretor || filtros.portal || filtros.quentes);

  return (
    <div className="space-y-5">
      <PageHeader
        title="Funil"
        description={
          <>
            {isBroker ? "Os seus leads" : "Os leads da equipe"} por etapa, os recebidos por último no topo.
            <span className="hidden md:inline"> Mova pelo menu de cada lead ou arrastando o cartão.</span>
          </>
        }
      />
      <FunilFiltros
        filtros={filtros}
        corretores={corretores?.map((c) => ({ id: c.id, nome: c.nome })) ?? null}
        scoreQuente={scoreQuente}
        filtrado={filtrado}
      />
      {/* A phone shows one column at a time: these jump to each, with its total. */}
      <nav aria-label="Etapas do funil" className="md:hidden">
        <ul className="flex flex-wrap gap-x-2 gap-y-1">
          {quadro.map((c) => (
            <li key={c.status}>
              <a
                href={`#coluna-${c.status}`}
                className="inline-flex min-h-9 items-center rounded-full focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
              >
                <Badge tom={c.tom}>
                  {c.rotulo} <span className="ml-1 tabular-nums">{c.total}</span>
                </Badge>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <FunilQuadro
        colunas={quadro}
        limiares={{ quente: scoreQuente, morno: scoreMorno }}
        mostrarCorretor={!isBroker}
        mover={moverNoFunilAction}
      />
    </div>
  );
}
