// `npm run bench -- analyzer [--llm]`: the ConversationAnalyzer's accuracy on the labelled messages and
// how many messages a second the rules engine reads. `--llm` also runs the model engine on the same
// set with the OPENAI_* settings (a real endpoint, or any OpenAI-compatible one at OPENAI_BASE_URL)
// and prints its accuracy beside the rules'.
import { analyzeByRules } from "@/agents/analista/conversation-analyzer";
import { HELD_OUT_MESSAGES, LABELLED_MESSAGES } from "@/agents/analista/conversation-analyzer/labelled-messages";
import { accuracyReport, accuracyReportOf } from "@/agents/analista/conversation-analyzer/measure-accuracy";
import { createModelAnalyzer, motorDoModelo } from "@/agents/analista/conversation-analyzer/model-analyzer";
import { env } from "@/lib/env";
import { createLlm } from "@/lib/llm/create-llm";

export async function main(args: string[] = []): Promise<void> {
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
  if (!args.includes("--llm")) return;
  if (!env.llm) {
    process.stdout.write("\nmodelo: sem OPENAI_API_KEY, não medido (defina a chave e, se quiser, OPENAI_BASE_URL)\n");
    return;
  }
  // Every failure of the model would silently become the rules' answer: count them apart.
  let falhas = 0;
  const llm = createLlm(env.llm, (c) => void (c.ok ? null : falhas++));
  const report = await accuracyReportOf(createModelAnalyzer(llm), motorDoModelo(llm));
  process.stdout.write(`\n${report.text}\nchamadas que falharam (lidas pelas regras): ${falhas}\n`);
}
