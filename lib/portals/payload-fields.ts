// The portals' words for a few vocabularies (finalidade, temperatura, lead type, UF), mapped to ours.
// null = unknown; the PayloadReader then drops the value and flags it, never refusing the lead.
import { LEAD_TYPES, type Finalidade, type LeadType, type Temperatura } from "./normalized-lead";
import { foldText } from "@/lib/text/fold-text";

const FINALIDADE_WORDS: Record<string, Finalidade> = {
  sell: "venda",
  sale: "venda",
  venda: "venda",
  compra: "venda",
  comprar: "venda",
  rent: "aluguel",
  rental: "aluguel",
  aluguel: "aluguel",
  alugar: "aluguel",
  locacao: "aluguel",
};

/** SELL/RENT (Grupo OLX), "Venda"/"Aluguel" (Chaves na Mão); anything else → null. */
export function toFinalidade(value: string | null | undefined): Finalidade | null {
  return value ? (FINALIDADE_WORDS[foldText(value)] ?? null) : null;
}

const TEMPERATURA_WORDS: Record<string, Temperatura> = { baixa: "Baixa", media: "Média", alta: "Alta" };

export function toTemperatura(value: string | null | undefined): Temperatura | null {
  return value ? (TEMPERATURA_WORDS[foldText(value)] ?? null) : null;
}

/** An unknown lead type is not an error: portals add new ones, and the score has a default. */
export function toLeadType(value: string | null | undefined): LeadType | null {
  const upper = value?.trim().toUpperCase();
  return (LEAD_TYPES as readonly string[]).includes(upper ?? "") ? (upper as LeadType) : null;
}

/** "MG" stays; "mg" → "MG"; "Minas Gerais" or junk → null (the listing's own row has the truth). */
export function toUf(value: string | null | undefined): string | null {
  const uf = value?.trim().toUpperCase();
  return uf && /^[A-Z]{2}$/.test(uf) ? uf : null;
}
