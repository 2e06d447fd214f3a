// The process's model, from env: null without OPENAI_API_KEY (the zero-config run: the rules engine
// writes and reads everything). One per process, so its rate limit counts every caller.
import type { Db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { createLlm } from "./create-llm";
import { monthlyCap } from "./monthly-cap";
import { usageRecorder } from "./record-usage";
import type { Llm } from "./types";

let cached: Llm | null | undefined;

export function getLlm(db: Db): Llm | null {
  if (cached !== undefined) return cached;
  const now = () => new Date();
  cached = env.llm ? createLlm(env.llm, usageRecorder(db, now), monthlyCap(db, now)) : null;
  return cached;
}
