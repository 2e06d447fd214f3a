// How often an engine agrees with the labelled messages: one measure for the tests (which assert a
// floor for the rules engine) and for `npm run bench -- analyzer` (which prints each engine's).
import type { Analise, ConversationAnalyzer } from "@/lib/domain/analise-conversa";
import { HELD_OUT_MESSAGES, LABELLED_MESSAGES, type LabelledMessage } from "./labelled-messages";
import { analyzeByRules, RULES_ENGINE } from "./rules-analyzer";

export type Accuracy = { n: number; intent: number; sentiment: number; misses: string[] };

function score(results: { m: LabelledMessage; a: Analise }[]): Accuracy {
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

export function measureAccuracy(set: LabelledMessage[]): Accuracy {
  return score(set.map((m) => ({ m, a: analyzeByRules(m.texto) })));
}

/** Every answer of any engine on a set (a model's arrive one by one, a few at a time). */
async function analyzeAll(analyzer: ConversationAnalyzer, set: LabelledMessage[]) {
  const results: { m: LabelledMessage; a: Analise }[] = [];
  for (let i = 0; i < set.length; i += 4) {
    const batch = set.slice(i, i + 4);
    const answers = await Promise.all(batch.map((m) => analyzer.analyze({ texto: m.texto, origem: m.origem })));
    batch.forEach((m, j) => results.push({ m, a: answers[j]! }));
  }
  return results;
}

const line = (name: string, a: Accuracy) => `${name} (${a.n}): intenção ${a.intent} %, sentimento ${a.sentiment} %`;

function report(motor: string, escrito: Accuracy, separado: Accuracy, total: Accuracy) {
  const text = [
    `ConversationAnalyzer (${motor})`,
    line("conjunto escrito antes das regras", escrito),
    line("conjunto separado, nunca ajustado", separado),
    line("total", total),
    ...total.misses.map((m) => `  erro: ${m}`),
  ].join("\n");
  return { escrito, separado, total, text };
}

/** The three figures (the set written first, the held-out set, both) and every miss, in pt-BR. */
export function accuracyReport() {
  return report(
    RULES_ENGINE,
    measureAccuracy(LABELLED_MESSAGES),
    measureAccuracy(HELD_OUT_MESSAGES),
    measureAccuracy([...LABELLED_MESSAGES, ...HELD_OUT_MESSAGES]),
  );
}

/** The same report for another engine (the model), named by `motor`: each message is asked once. */
export async function accuracyReportOf(analyzer: ConversationAnalyzer, motor: string) {
  const escrito = await analyzeAll(analyzer, LABELLED_MESSAGES);
  const separado = await analyzeAll(analyzer, HELD_OUT_MESSAGES);
  return report(motor, score(escrito), score(separado), score([...escrito, ...separado]));
}
