// `npm run bench -- analyzer`: the ConversationAnalyzer's accuracy on the labelled messages, and how
// many messages a second the rules engine reads (the demo seed and the sweep read thousands).
import { analyzeByRules } from "@/agents/analista/conversation-analyzer";
import { HELD_OUT_MESSAGES, LABELLED_MESSAGES } from "@/agents/analista/conversation-analyzer/labelled-messages";
import { accuracyReport } from "@/agents/analista/conversation-analyzer/measure-accuracy";

export async function main(): Promise<void> {
  process.stdout.write(`${accuracyReport().text}\n`);
  const textos = [...LABELLED_MESSAGES, ...HELD_OUT_MESSAGES].map((m) => m.texto);
  const rounds = 200;
  const start = process.hrtime.bigint();
  for (let r = 0; r < rounds; r++) for (const t of textos) analyzeByRules(t);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const perSecond = Math.round((rounds * textos.length) / (ms / 1000));
  process.stdout.write(
    `velocidade: ${perSecond.toLocaleString("pt-BR")} mensagens/s (${rounds * textos.length} lidas)\n`,
  );
}
