// The model from env (OPENAI_API_KEY, OPENAI_MODEL, OPENAI_BASE_URL…): any OpenAI-compatible
// endpoint through the AI SDK's provider, on chat completions (the API every compatible server has).
import { createOpenAI } from "@ai-sdk/openai";
import { LatencyWindow } from "./latency";
import { createRateLimiter } from "./rate-limit";
import type { Llm } from "./types";

export type LlmConfig = { apiKey: string; model: string; baseUrl: string | null; timeoutMs: number; maxRpm: number };

export function createLlm(config: LlmConfig, onCall?: Llm["onCall"], permitido?: Llm["permitido"]): Llm {
  const provider = createOpenAI({ apiKey: config.apiKey, ...(config.baseUrl ? { baseURL: config.baseUrl } : {}) });
  return {
    model: provider.chat(config.model),
    modelName: config.model,
    timeoutMs: config.timeoutMs,
    tryAcquire: createRateLimiter(config.maxRpm),
    latencia: new LatencyWindow(),
    ...(onCall ? { onCall } : {}),
    ...(permitido ? { permitido } : {}),
  };
}
