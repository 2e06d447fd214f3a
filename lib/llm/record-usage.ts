// Where each model call's usage goes: the agency's `uso_llm` row for its local day. Calls are summed
// in memory and written every second, one statement per agency, day, task and model: written one by
// one, a burst's calls all queued on their agency's one row (its lock, a commit each) while holding
// the connections the decisions and sends need, and each alert waited for its turn there before it
// could go. Best effort, as before: a failed write is kept for the next one, and a crash loses at
// most the last second of counting (the monthly cap reads the rows through a memo anyway). Under
// Inngest, whose functions may be frozen between steps, each call is written at once. Calls with no
// agency are not counted.
import type { Db } from "@/lib/db/client";
import { getImobiliariaByIdCached } from "@/lib/db/queries/imobiliarias";
import { addUsoLlm, type UsoLlmDia } from "@/lib/db/queries/uso-llm";
import { log } from "@/lib/log";
import { localDayOf } from "@/lib/time/local-day";
import type { LlmCallRecord } from "./types";

/** An agency's calls of one day, task and model, summed: what its `uso_llm` row gains. */
type Soma = UsoLlmDia & { imobiliariaId: string };

export type UsageRecorder = ((c: LlmCallRecord) => Promise<void>) & {
  /** Writes what is summed so far (a test reading the rows, a process shutting down). */
  flush: () => Promise<void>;
};

export const USAGE_FLUSH_MS = 1_000;

/** `everyMs` 0: each call written before it returns, for a process that may be frozen once its work is done (Inngest). */
export function usageRecorder(db: Db, now: () => Date, everyMs = USAGE_FLUSH_MS): UsageRecorder {
  let pending = new Map<string, Soma>();
  let timer: NodeJS.Timeout | null = null;
  let writing: Promise<void> = Promise.resolve();

  const add = (s: Soma) => {
    const key = `${s.imobiliariaId}|${s.dia}|${s.tarefa}|${s.modelo}`;
    const acc = pending.get(key);
    if (!acc) pending.set(key, { ...s });
    else {
      acc.chamadas += s.chamadas;
      acc.falhas += s.falhas;
      acc.tokensEntrada += s.tokensEntrada;
      acc.tokensSaida += s.tokensSaida;
    }
  };

  const write = async () => {
    if (timer) clearTimeout(timer);
    timer = null;
    const batch = [...pending.values()];
    pending = new Map();
    for (const s of batch) {
      try {
        await addUsoLlm(db, s);
      } catch (err) {
        log.warn("llm.usage_not_recorded", { error: String(err) });
        add(s);
        schedule();
      }
    }
  };

  // One write at a time, so a slow one never has a second summing the same rows beside it.
  const flush = () => (writing = writing.then(write));

  function schedule() {
    if (timer) return;
    // With no interval, only a failed write waits here, a second, for its retry.
    timer = setTimeout(() => void flush(), everyMs || USAGE_FLUSH_MS);
    timer.unref();
  }

  const onCall = async (c: LlmCallRecord): Promise<void> => {
    if (!c.imobiliariaId) return;
    const imobiliaria = await getImobiliariaByIdCached(db, c.imobiliariaId);
    add({
      imobiliariaId: c.imobiliariaId,
      dia: localDayOf(now(), imobiliaria?.timezone),
      tarefa: c.tarefa,
      modelo: c.modelo,
      chamadas: 1,
      falhas: c.ok ? 0 : 1,
      tokensEntrada: c.usage.inputTokens,
      tokensSaida: c.usage.outputTokens,
    });
    if (everyMs === 0) await flush();
    else schedule();
  };
  return Object.assign(onCall, { flush });
}
