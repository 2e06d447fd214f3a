// Where each model call's usage goes: the agency's `uso_llm` row for its local day. Best effort (a
// failure is logged by generate.ts, never fails the call); calls with no agency are not counted.
import type { Db } from "@/lib/db/client";
import { getImobiliariaByIdCached } from "@/lib/db/queries/imobiliarias";
import { recordUsoLlm } from "@/lib/db/queries/uso-llm";
import { localDayOf } from "@/lib/time/local-day";
import type { LlmCallRecord } from "./types";

export function usageRecorder(db: Db, now: () => Date) {
  return async (c: LlmCallRecord): Promise<void> => {
    if (!c.imobiliariaId) return;
    const imobiliaria = await getImobiliariaByIdCached(db, c.imobiliariaId);
    await recordUsoLlm(db, {
      imobiliariaId: c.imobiliariaId,
      dia: localDayOf(now(), imobiliaria?.timezone),
      tarefa: c.tarefa,
      modelo: c.modelo,
      ok: c.ok,
      tokensEntrada: c.usage.inputTokens,
      tokensSaida: c.usage.outputTokens,
    });
  };
}
