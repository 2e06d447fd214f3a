// The one door into the agent pipeline. With Inngest keys the event goes to Inngest (its id makes a
// re-sent trigger a no-op); without them it goes to the in-process runner when one is registered.
// Either way the row that describes the work (e.g. eventos.processado = false) was committed first,
// so a lost dispatch only delays work: the runner's sweep finds it.
import { PIPELINE_EVENTS, type Dispatch, type PipelineEventName } from "@/agents/pipeline-events";
import { env } from "@/lib/env";
import { log } from "@/lib/log";

export type { Dispatch };

export type EmbeddedHandler = (name: PipelineEventName, data: unknown, idempotencyKey: string) => void;
const registry = globalThis as typeof globalThis & { __lastroEmbeddedRunner?: EmbeddedHandler };

/** The embedded runner registers itself here at server start (instrumentation.ts). */
export function registerEmbeddedRunner(handler: EmbeddedHandler | undefined): void {
  registry.__lastroEmbeddedRunner = handler;
}

export const dispatch: Dispatch = async (name, data, idempotencyKey) => {
  const payload = PIPELINE_EVENTS[name].parse(data);
  if (env.inngest) {
    const { inngest } = await import("@/inngest/client");
    await inngest.send({ name, data: payload, id: idempotencyKey });
    return;
  }
  const runner = registry.__lastroEmbeddedRunner;
  if (runner) {
    runner(name, payload, idempotencyKey);
    return;
  }
  // No runner in this process (a script, a test): the committed row is the record; a sweep picks it up.
  log.debug("pipeline.pending", { name, idempotencyKey });
};
