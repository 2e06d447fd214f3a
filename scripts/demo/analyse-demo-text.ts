// The demo's interações are read by the same ConversationAnalyzer as live ones, at seed time: the
// lead page shows a reading from the first run. Demo texts repeat (a catalogue), so each is read once.
import { analyzeByRules, type Analise } from "@/agents/analista/conversation-analyzer";
import { INTERACAO_TIPOS_ANALISAVEIS, type InteracaoTipo } from "@/lib/db/schema";

const lidas = new Map<string, Analise>();
const ANALISAVEIS: readonly InteracaoTipo[] = INTERACAO_TIPOS_ANALISAVEIS;

/** Columns to add to a demo interação row: the analysis, its sentimento and when it was read. */
export function analiseDemo(tipo: InteracaoTipo, conteudo: string | null | undefined, em: Date) {
  if (!conteudo || !ANALISAVEIS.includes(tipo)) return {};
  let analise = lidas.get(conteudo);
  if (!analise) {
    analise = analyzeByRules(conteudo);
    if (lidas.size < 10_000) lidas.set(conteudo, analise);
  }
  return { analise, sentimento: analise.sentimento, analisadoEm: em };
}
