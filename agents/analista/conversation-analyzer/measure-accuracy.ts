// How often the rules engine agrees with the labelled messages: one measure for the test (which
// asserts a floor) and for `npm run bench -- analyzer` (which prints it).
import { HELD_OUT_MESSAGES, LABELLED_MESSAGES, type LabelledMessage } from "./labelled-messages";
import { analyzeByRules } from "./rules-analyzer";

export type Accuracy = { n: number; intent: number; sentiment: number; misses: string[] };

export function measureAccuracy(set: LabelledMessage[]): Accuracy {
  const results = set.map((m) => ({ m, a: analyzeByRules(m.texto) }));
  const pct = (hits: number) => Math.round((1000 * hits) / Math.max(1, results.length)) / 10;
  return {
    n: results.length,
    intent: pct(results.filter((r) => r.a.intencao === r.m.intencao).length),
    sentiment: pct(results.filter((r) => r.a.sentimento === r.m.sentimento).length),
    misses: results
      .filter((r) => r.a.intencao !== r.m.intencao || r.a.sentimento !== r.m.sentimento)
      .map(
        (r) =>
          `${JSON.stringify(r.m.texto)}: ${r.a.intencao}/${r.a.sentimento}, esperado ${r.m.intencao}/${r.m.sentimento}`,
      ),
  };
}

/** The three figures (the set written first, the held-out set, both) and every miss, in pt-BR. */
export function accuracyReport() {
  const escrito = measureAccuracy(LABELLED_MESSAGES);
  const separado = measureAccuracy(HELD_OUT_MESSAGES);
  const total = measureAccuracy([...LABELLED_MESSAGES, ...HELD_OUT_MESSAGES]);
  const line = (name: string, a: Accuracy) => `${name} (${a.n}): intenção ${a.intent} %, sentimento ${a.sentiment} %`;
  const text = [
    "ConversationAnalyzer (regras-v1)",
    line("conjunto escrito antes das regras", escrito),
    line("conjunto separado, nunca ajustado", separado),
    line("total", total),
    ...total.misses.map((m) => `  erro: ${m}`),
  ].join("\n");
  return { escrito, separado, total, text };
}
