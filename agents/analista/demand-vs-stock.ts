// The DemandAggregator against the stock, for /metricas: per bairro, tipo and price band, how many of
// the period's leads asked and how many active listings answer; "demanda reprimida" is demand with the
// fewest listings per lead, and the listings no lead of the period asked about.
import type { ItemDemanda } from "@/agents/conselheiro/compose/templates";
import type { Db } from "@/lib/db/client";
import { loadDemandaAgrupada } from "@/lib/db/queries/metricas-demanda";
import { listEstoqueComConsultas, type ImovelEstoque } from "@/lib/db/queries/metricas-imoveis";
import type { MetricasPeriodo, MetricasScope } from "@/lib/db/queries/metricas-leads";
import { foldText } from "@/lib/text/fold-text";
import { faixaPreco, rankGroupedDemand } from "./demand-aggregator";

export const DIMENSOES = ["bairro", "tipo", "faixa"] as const;
export type Dimensao = (typeof DIMENSOES)[number];
export type DemandaEstoque = ItemDemanda & { dimensao: Dimensao; imoveis: number };

export type DemandaVsEstoque = {
  leadsComBusca: number;
  /** The most asked-for values of each dimension with the listings that match them. */
  porDimensao: Record<Dimensao, DemandaEstoque[]>;
  /** Asked-for values with no listing, then the fewest listings per lead. */
  reprimida: DemandaEstoque[];
  semConsulta: ImovelEstoque[];
  imoveisAtivos: number;
};

export const TOP_DEMANDA_PAINEL = 8;
const TOP_REPRIMIDA = 5;

function valorDoImovel(i: ImovelEstoque, d: Dimensao): string | null {
  if (d === "bairro") return i.bairro;
  if (d === "tipo") return i.tipo;
  return i.preco === null ? null : faixaPreco({ finalidade: i.finalidade, precoMin: i.preco, precoMax: i.preco });
}

export function crossDemandWithStock(
  demanda: ReturnType<typeof rankGroupedDemand>,
  estoque: readonly ImovelEstoque[],
): DemandaVsEstoque {
  const contar = (d: Dimensao) => {
    const n = new Map<string, number>();
    for (const i of estoque) {
      const v = valorDoImovel(i, d)?.trim();
      if (v) n.set(foldText(v), (n.get(foldText(v)) ?? 0) + 1);
    }
    return n;
  };
  const itens = { bairro: demanda.bairros, tipo: demanda.tipos, faixa: demanda.faixasPreco };
  const porDimensao = Object.fromEntries(
    DIMENSOES.map((d) => {
      const noEstoque = contar(d);
      return [d, itens[d].map((i) => ({ ...i, dimensao: d, imoveis: noEstoque.get(foldText(i.nome)) ?? 0 }))];
    }),
  ) as Record<Dimensao, DemandaEstoque[]>;
  // Leads per listing, highest first; no listing at all ranks above any ratio.
  const pressao = (i: DemandaEstoque) => (i.imoveis === 0 ? Infinity : i.leads / i.imoveis);
  const reprimida = DIMENSOES.flatMap((d) => porDimensao[d])
    .sort((a, b) => pressao(b) - pressao(a) || b.leads - a.leads || a.nome.localeCompare(b.nome, "pt-BR"))
    .slice(0, TOP_REPRIMIDA);
  return {
    leadsComBusca: demanda.leadsComBusca,
    porDimensao,
    reprimida,
    semConsulta: estoque.filter((i) => i.consultas === 0),
    imoveisAtivos: estoque.length,
  };
}

export async function aggregateDemandVsStock(
  db: Db,
  scope: MetricasScope,
  periodo: MetricasPeriodo,
): Promise<DemandaVsEstoque> {
  const [agrupada, estoque] = await Promise.all([
    loadDemandaAgrupada(db, scope, periodo),
    listEstoqueComConsultas(db, scope, periodo),
  ]);
  return crossDemandWithStock(rankGroupedDemand(agrupada, TOP_DEMANDA_PAINEL), estoque);
}
