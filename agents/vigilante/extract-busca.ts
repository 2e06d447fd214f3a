// What the lead wants (leads.busca), for the DemandAggregator: the listing they asked about says
// most of it; the message fills the gaps ("3 quartos", "até 500 mil", "aluguel", a neighbourhood).
import type { Busca } from "@/lib/db/schema/leads";
import type { NormalizedLead } from "@/lib/portals/normalized-lead";
import { containsTerm, foldText } from "@/lib/text/fold-text";
import { readBudget } from "./read-budget";

/** Our listing row (imoveis) when the lead's listing code matched one. */
export type ListingFacts = {
  tipo?: string | null;
  finalidade?: string | null;
  bairro?: string | null;
  cidade?: string | null;
  uf?: string | null;
  preco?: number | null;
  quartos?: number | null;
};

export type ExtractBuscaOptions = {
  /** The agency's neighbourhoods (from its listings), looked for in the message. */
  bairrosConhecidos?: readonly string[];
  /** Price band around a listing price or a bare amount: 0.15 → ±15 %. */
  faixaPreco?: number;
};

/** Canonical type → words people write (folded). Longer phrases first so "sala comercial" beats "sala". */
const TIPOS: [string, string[]][] = [
  ["sala comercial", ["sala comercial", "salas comerciais", "conjunto comercial"]],
  ["apartamento", ["apartamento", "apartamentos", "apto", "aptos", "ape"]],
  ["cobertura", ["cobertura", "coberturas"]],
  ["kitnet", ["kitnet", "kitnete", "kit net", "quitinete"]],
  ["studio", ["studio", "estudio", "loft"]],
  ["sobrado", ["sobrado", "sobrados"]],
  ["casa", ["casa", "casas"]],
  ["terreno", ["terreno", "terrenos", "lote"]],
  ["loja", ["loja", "ponto comercial"]],
  ["galpão", ["galpao", "galpoes"]],
  ["chácara", ["chacara", "sitio"]],
  ["flat", ["flat"]],
];
const ALUGUEL = ["aluguel", "alugar", "alugo", "locacao", "locar", "para morar de aluguel"];
const VENDA = ["comprar", "compra", "compro", "financiamento", "financiar", "fgts", "a venda"];
const NUMBER_WORDS: Record<string, number> = { um: 1, uma: 1, dois: 2, duas: 2, tres: 3, quatro: 4, cinco: 5, seis: 6 };
const QUARTOS_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(\d{1,2}|${Object.keys(NUMBER_WORDS).join("|")})\s*(?:ou\s+\d{1,2}\s*)?` +
    String.raw`(?:quartos?|dormitorios?|dorms?)(?![\p{L}])`,
  "u",
);

export function extractBusca(
  lead: NormalizedLead,
  listing?: ListingFacts | null,
  options: ExtractBuscaOptions = {},
): Busca {
  // "Minha Casa Minha Vida" names a programme, not a house.
  const message = foldText(lead.mensagem ?? "").replace(/minha casa,?\s+minha vida/g, "mcmv");
  const portal = lead.listing;
  const band = options.faixaPreco ?? 0.15;

  const busca: Busca = {
    tipo: canonicalTipo(listing?.tipo) ?? canonicalTipo(portal.tipo) ?? findTipo(message),
    finalidade: toFinalidade(listing?.finalidade) ?? lead.finalidade ?? findFinalidade(message),
    bairro: listing?.bairro ?? portal.bairro ?? findBairro(message, options.bairrosConhecidos),
    cidade: listing?.cidade ?? portal.cidade ?? undefined,
    uf: listing?.uf ?? portal.uf ?? undefined,
    quartos: listing?.quartos ?? findQuartos(foldText(portal.titulo ?? "")) ?? findQuartos(message),
    ...priceRange(listing?.preco ?? portal.preco, lead.mensagem, band),
  };
  return Object.fromEntries(Object.entries(busca).filter(([, v]) => v !== undefined && v !== null)) as Busca;
}

function canonicalTipo(tipo: string | null | undefined): string | undefined {
  if (!tipo?.trim()) return undefined;
  return findTipo(foldText(tipo)) ?? tipo.trim().toLowerCase();
}

function findTipo(folded: string): string | undefined {
  return TIPOS.find(([, words]) => words.some((w) => containsTerm(folded, w)))?.[0];
}

function toFinalidade(value: string | null | undefined): Busca["finalidade"] {
  const v = foldText(value ?? "");
  return v === "venda" || v === "aluguel" ? v : undefined;
}

/** Only when the message points one way: "comprar ou alugar" tells us nothing. */
function findFinalidade(folded: string): Busca["finalidade"] {
  const aluguel = ALUGUEL.some((w) => containsTerm(folded, w));
  const venda = VENDA.some((w) => containsTerm(folded, w));
  return aluguel === venda ? undefined : aluguel ? "aluguel" : "venda";
}

/** The longest known name wins, so "Vila Madalena" beats "Madalena". */
function findBairro(folded: string, bairros: readonly string[] = []): string | undefined {
  return [...bairros].sort((a, b) => b.length - a.length).find((b) => b.trim() && containsTerm(folded, b));
}

/** "2 ou 3 quartos" → 2: the smallest the person would take. */
function findQuartos(folded: string): number | undefined {
  const m = QUARTOS_RE.exec(folded);
  if (!m?.[1]) return undefined;
  const n = NUMBER_WORDS[m[1]] ?? Number(m[1]);
  return n >= 1 && n <= 20 ? n : undefined;
}

function priceRange(
  price: number | null | undefined,
  message: string | null,
  band: number,
): Pick<Busca, "precoMin" | "precoMax"> {
  if (price) return { precoMin: Math.round(price * (1 - band)), precoMax: Math.round(price * (1 + band)) };
  const budget = readBudget(message);
  if (budget.min !== null || budget.max !== null) {
    return { precoMin: budget.min ?? undefined, precoMax: budget.max ?? undefined };
  }
  if (budget.around !== null) {
    return { precoMin: Math.round(budget.around * (1 - band)), precoMax: Math.round(budget.around * (1 + band)) };
  }
  return {};
}
