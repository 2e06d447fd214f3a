// The seed's DemandAggregator: what a broker's leads of a period asked for (leads.busca) — the most
// asked-for neighbourhoods, property types and price bands, each with how many leads asked.
import type { ItemDemanda } from "@/agents/conselheiro/compose/templates";
import type { Db } from "@/lib/db/client";
import { listBuscasRecebidas } from "@/lib/db/queries/demanda-leads";
import type { DemandaAgrupada } from "@/lib/db/queries/metricas-demanda";
import type { Busca } from "@/lib/db/schema";
import { foldText } from "@/lib/text/fold-text";

type Janela = { corretorId: string; desde: Date; ate: Date };
export type Demanda = {
  leadsComBusca: number;
  bairros: ItemDemanda[];
  tipos: ItemDemanda[];
  faixasPreco: ItemDemanda[];
};

export const TOP_DEMANDA = 3;

// Upper bounds, inclusive ("até R$ 500 mil" includes 500 mil). Rents and sale prices differ by
// two orders of magnitude, so each has its own bands.
const FAIXAS_VENDA: [number, string][] = [
  [300_000, "até R$ 300 mil"],
  [500_000, "R$ 300 a 500 mil"],
  [1_000_000, "R$ 500 mil a 1 mi"],
  [2_000_000, "R$ 1 a 2 mi"],
  [Infinity, "acima de R$ 2 mi"],
];
const FAIXAS_ALUGUEL: [number, string][] = [
  [2_000, "aluguel até R$ 2 mil"],
  [4_000, "aluguel de R$ 2 a 4 mil"],
  [8_000, "aluguel de R$ 4 a 8 mil"],
  [Infinity, "aluguel acima de R$ 8 mil"],
];
/** Without a stated purpose, an amount this low can only be a rent. */
const MAX_ALUGUEL_SEM_FINALIDADE = 30_000;

/** The band of what the lead can pay: the middle of a stated range (a listing's price ± a margin), else its one end. */
export function faixaPreco(busca: Busca): string | null {
  const { precoMin: lo, precoMax: hi } = busca;
  const valor = lo && hi ? (lo + hi) / 2 : (hi ?? lo);
  if (!valor || valor <= 0) return null;
  const aluguel = busca.finalidade ? busca.finalidade === "aluguel" : valor <= MAX_ALUGUEL_SEM_FINALIDADE;
  return (aluguel ? FAIXAS_ALUGUEL : FAIXAS_VENDA).find(([max]) => valor <= max)![1];
}

/** Counts values case- and accent-insensitively; each group is named by its most frequent spelling. */
function topN(values: [string | null | undefined, number][], n: number): ItemDemanda[] {
  const grupos = new Map<string, Map<string, number>>();
  for (const [raw, peso] of values) {
    const nome = raw?.trim();
    if (!nome) continue;
    const chave = foldText(nome);
    const grafias = grupos.get(chave) ?? new Map<string, number>();
    grafias.set(nome, (grafias.get(nome) ?? 0) + peso);
    grupos.set(chave, grafias);
  }
  return [...grupos.values()]
    .map((grafias) => {
      const [nome] = [...grafias.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], "pt-BR"))[0]!;
      return { nome, leads: [...grafias.values()].reduce((a, b) => a + b, 0) };
    })
    .sort((a, b) => b.leads - a.leads || a.nome.localeCompare(b.nome, "pt-BR"))
    .slice(0, n);
}

/** The ranking over buscas already counted by value (the dashboard's grouped read). */
export function rankGroupedDemand(g: DemandaAgrupada, n: number = TOP_DEMANDA): Demanda {
  return {
    leadsComBusca: g.leadsComBusca,
    bairros: topN(
      g.bairros.map((b) => [b.busca.bairro, b.leads]),
      n,
    ),
    tipos: topN(
      g.tipos.map((b) => [b.busca.tipo, b.leads]),
      n,
    ),
    faixasPreco: topN(
      g.precos.map((b) => [faixaPreco(b.busca), b.leads]),
      n,
    ),
  };
}

export function rankDemand(buscas: readonly Busca[], n: number = TOP_DEMANDA): Demanda {
  const um = buscas.map((busca) => ({ busca, leads: 1 }));
  return rankGroupedDemand({ leadsComBusca: buscas.length, bairros: um, tipos: um, precos: um }, n);
}

export async function aggregateDemand(db: Db, janela: Janela, n: number = TOP_DEMANDA): Promise<Demanda> {
  return rankDemand(await listBuscasRecebidas(db, janela), n);
}
