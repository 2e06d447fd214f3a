// The `pipeline --llm` bench's model: a LOCAL FAKE OpenAI-compatible server (lib/llm/testing) that
// answers every request like a well-behaved model after 300–1,500 ms (uniform), the latency band the
// issue names. Nothing reaches OpenAI. It runs in its own process, as a real model is remote: parsing
// and answering its requests must not be billed to (or slow) the process taking the webhooks.
// Also builds the `Llm` the pipeline uses against it.
import path from "node:path";
import { createLlm } from "@/lib/llm/create-llm";
import { plausibleAnswer, startFakeOpenAiServer, type FakeOpenAiServer } from "@/lib/llm/testing/fake-openai-server";
import type { Llm } from "@/lib/llm/types";
import { forkBenchChild } from "./child-ipc";

export type RemoteFakeModel = { baseUrl: string; close(): Promise<void> };

/** In this process (fake-llm-child.ts runs it). */
export async function startSlowFakeModel(): Promise<FakeOpenAiServer> {
  return startFakeOpenAiServer((req) => ({
    ...(plausibleAnswer(req) as { kind: "content"; content: string }),
    delayMs: 300 + Math.round(Math.random() * 1_200),
  }));
}

/** In a child process of its own. */
export async function startRemoteSlowFakeModel(): Promise<RemoteFakeModel> {
  const { next, close } = forkBenchChild<{ type: "ready"; baseUrl: string }>(
    path.join(import.meta.dirname, "fake-llm-child.ts"),
    "o modelo falso",
  );
  const { baseUrl } = await next("ready");
  return { baseUrl, close };
}

export function benchLlm(baseUrl: string): Llm {
  return createLlm({ apiKey: "sk-bench-local", model: "modelo-falso", baseUrl, timeoutMs: 8_000, maxRpm: 3_000 });
}
