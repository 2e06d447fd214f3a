// The lead page's "Leitura da conversa": the newest interação the ConversationAnalyzer has read.
// A stored result that no longer parses (an older engine's shape) is skipped, not shown half.
import type { Interacao } from "@/lib/db/queries/interacoes";
import { analiseSchema, type Analise } from "@/lib/domain/analise-conversa";

export type UltimaAnalise = { analise: Analise; at: Date; tipo: Interacao["tipo"] };

/** `interacoes` newest first, as listInteracoesDoLead returns them. */
export function ultimaAnalise(interacoes: Interacao[]): UltimaAnalise | null {
  for (const i of interacoes) {
    const analise = lerAnalise(i);
    if (analise) return { analise, at: i.data ?? new Date(0), tipo: i.tipo };
  }
  return null;
}

export function lerAnalise(i: Pick<Interacao, "analise">): Analise | null {
  if (!i.analise) return null;
  const parsed = analiseSchema.safeParse(i.analise);
  return parsed.success ? parsed.data : null;
}
