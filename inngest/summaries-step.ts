// The due-summaries step, the same for the Inngest cron (inngest/functions/send-summaries.ts) and
// the embedded runner's sweep: queue every daily/weekly summary now due (the brokers', then the
// management's), return the sends.
import { queueDueSummaries } from "@/agents/analista/queue-due-summaries";
import { queueResumosGestor } from "@/agents/analista/resumo-gestor/queue-resumos-gestor";
import type { PipelineDeps } from "./deps";
import type { SendRequest } from "./steps";

// Keys found with nothing to report stay so (their content is fixed once due), so this process
// skips reloading their figures on every tick. Only a saving: forgetting them changes no outcome.
const semNada = new Set<string>();
const MAX_LEMBRADAS = 50_000;

export type SummariesStepResult = { sends: SendRequest[]; counts: { resumos: number; vazios: number; falhas: number } };

export async function queueSummaries(deps: Pick<PipelineDeps, "db" | "now" | "writer">): Promise<SummariesStepResult> {
  const result = await queueDueSummaries(deps, { ignorar: semNada });
  const gestao = await queueResumosGestor(deps, { ignorar: semNada });
  const vazios = [...result.vazios, ...gestao.vazios];
  if (semNada.size + vazios.length > MAX_LEMBRADAS) semNada.clear();
  for (const chave of vazios) semNada.add(chave);
  return {
    sends: [
      ...result.enfileirados.map((r) => ({ mensagemId: r.mensagemId, corretorId: r.corretorId })),
      ...gestao.enfileirados.map((r) => ({ mensagemId: r.mensagemId, corretorId: null })),
    ],
    counts: {
      resumos: result.enfileirados.length + gestao.enfileirados.length,
      vazios: vazios.length,
      falhas: result.falhas + gestao.falhas,
    },
  };
}
