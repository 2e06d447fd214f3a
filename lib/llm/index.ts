// The process's model, from env: null without OPENAI_API_KEY (the zero-config run: the rules engine
// writes and reads everything). One per process, so its rate limit counts every caller.
import type { Db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { createLlm } from "./create-llm";
import { monthlyCap } from "./monthly-cap";
import { USAGE_FLUSH_MS, usageRecorder, type UsageRecorder } from "./record-usage";
import type { Llm } from "./types";

let cached: Llm | null | undefined;
let recorder: UsageRecorder | null = null;

export function getLlm(db: Db): Llm | null {
  if (cached !== undefined) return cached;
  if (!env.llm) return (cached = null);
  const now = () => new Date();
  // Under Inngest a function's process may be frozen once its step is done: nothing is left to a timer.
  recorder = usageRecorder(db, now, env.inngest ? 0 : USAGE_FLUSH_MS);
  cached = createLlm(env.llm, recorder, monthlyCap(db, now));
  return cached;
}

/** Writes the model's usage counted so far (record-usage.ts sums it for a second): before a process exits. */
export async function flushLlmUsage(): Promise<void> {
  await recorder?.flush();
}
