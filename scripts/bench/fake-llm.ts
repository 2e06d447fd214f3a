// The `pipeline --llm` bench's model: a LOCAL FAKE OpenAI-compatible server (lib/llm/testing) that
// answers every request like a well-behaved model after 300–1,500 ms (uniform), the latency band the
// issue names. Nothing reaches OpenAI. Also builds the `Llm` the pipeline uses against it.
import { createLlm } from "@/lib/llm/create-llm";
import { plausibleAnswer, startFakeOpenAiServer, type FakeOpenAiServer } from "@/lib/llm/testing/fake-openai-server";
import type { Llm } from "@/lib/llm/types";

export async function startSlowFakeModel(): Promise<FakeOpenAiServer> {
  return startFakeOpenAiServer((req) => ({
    ...(plausibleAnswer(req) as { kind: "content"; content: string }),
    delayMs: 300 + Math.round(Math.random() * 1_200),
  }));
}

export function benchLlm(baseUrl: string): Llm {
  return createLlm({ apiKey: "sk-bench-local", model: "modelo-falso", baseUrl, timeoutMs: 8_000, maxRpm: 3_000 });
}
