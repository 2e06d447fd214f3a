// The due-summaries step, the same for the Inngest cron (inngest/functions/send-summaries.ts) and
// the embedded runner's sweep: queue every daily/weekly summary now due, return the sends.
import { queueDueSummaries } from "@/agents/analista/queue-due-summaries";
import type { PipelineDeps } from "./deps";
import type { SendRequest } from "./steps";

// Keys found with nothing to report stay so (their content is fixed once due), so this process
// skips reloading their figures on every tick. Only a saving: forgetting them changes no outcome.
const semNada = new Set<string>();
const MAX_LEMBRADAS = 50_000;

export type SummariesStepResult = { sends: SendRequest[]; counts: { resumos: number; vazios: number; falhas: number } };

export async function queueSummaries(deps: Pick<PipelineDeps, "db" | "now" | "writer">): Promise<SummariesStepResult> {
  const result = await queueDueSummaries(deps, { ignorar: semNada });
  if (semNada.size + result.vazios.length > MAX_LEMBRADAS) semNada.clear();
  for (const chave of result.vazios) semNada.add(chave);
  return {
    sends: result.enfileirados.map((r) => ({ mensagemId: r.mensagemId, corretorId: r.corretorId })),
    counts: { resumos: result.enfileirados.length, vazios: result.vazios.length, falhas: result.falhas },
  };
}
