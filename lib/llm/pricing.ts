// Estimated cost of the model's tokens, in US dollars per million tokens (OpenAI's list prices when
// written). An unknown model (a compatible endpoint) is priced as the default model: an estimate,
// and the dashboard says so.
import type { UsoLlmDia } from "@/lib/db/queries/uso-llm";

const PRECOS: Record<string, { entrada: number; saida: number }> = {
  "gpt-4o-mini": { entrada: 0.15, saida: 0.6 },
  "gpt-4o": { entrada: 2.5, saida: 10 },
  "gpt-4.1-mini": { entrada: 0.4, saida: 1.6 },
  "gpt-4.1-nano": { entrada: 0.1, saida: 0.4 },
  "gpt-4.1": { entrada: 2, saida: 8 },
};
const PADRAO = PRECOS["gpt-4o-mini"]!;

export function custoEstimadoUsd(u: Pick<UsoLlmDia, "modelo" | "tokensEntrada" | "tokensSaida">): number {
  const preco = PRECOS[u.modelo] ?? PADRAO;
  return (u.tokensEntrada * preco.entrada + u.tokensSaida * preco.saida) / 1_000_000;
}

export const precoConhecido = (modelo: string) => modelo in PRECOS;
