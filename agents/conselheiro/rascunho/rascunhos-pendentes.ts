// The sweep's catch-up for reply drafts: the analysis turn that writes a lead's draft lives in one
// process's memory (inngest/embedded/analysis-turns.ts), so a worker stopped or killed with turns
// still waiting leaves new leads with only the rules' version. Each sweep asks the model for a few of
// them, oldest first, once the turn has had its chance.
import type { Db } from "@/lib/db/client";
import { listLeadsSemRascunho } from "@/lib/db/queries/leads";
import type { Llm } from "@/lib/llm/types";
import { escreverRascunho } from "./escrever-rascunho";

/** A lead younger than this may still have its turn waiting (analyzeMaxWaitMs, the model's timeout and retry). */
export const RASCUNHO_CARENCIA_MS = 2 * 60_000;
/** Older leads are left with the rules' draft: by then the broker has written or called. */
export const RASCUNHO_ALCANCE_MS = 24 * 3_600_000;
/** Per sweep: each is a model call of up to its timeout, and the sweep runs every minute or so. */
export const RASCUNHOS_POR_VARREDURA = 10;

export async function escreverRascunhosPendentes(deps: { db: Db; llm: Llm; now: () => Date }): Promise<number> {
  const agora = deps.now().getTime();
  const ids = await listLeadsSemRascunho(deps.db, {
    desde: new Date(agora - RASCUNHO_ALCANCE_MS),
    ate: new Date(agora - RASCUNHO_CARENCIA_MS),
    limit: RASCUNHOS_POR_VARREDURA,
  });
  let escritos = 0;
  // One at a time: the sweep must not crowd the model's turn for a hot alert.
  for (const id of ids) if (await escreverRascunho(deps, id)) escritos += 1;
  return escritos;
}
