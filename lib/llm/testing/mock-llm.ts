// Test support: an `Llm` on the AI SDK's own MockLanguageModelV3 (no HTTP at all), answering each call
// with the text a test scripts, and keeping every prompt it was given so tests can inspect them.
import type { LanguageModelV3CallOptions, LanguageModelV3GenerateResult } from "@ai-sdk/provider";
import { MockLanguageModelV3 } from "ai/test";
import type { Llm, LlmCallRecord } from "../types";

export type MockReply =
  | string
  | { text: string; finishReason?: "stop" | "content-filter" }
  | Error
  /** Never answers: the caller's timeout (its abort signal) decides. */
  | { hang: true };

export function mockLlm(reply: (prompt: string, call: number) => MockReply, over: Partial<Llm> = {}) {
  const prompts: { system: string; user: string }[] = [];
  const calls: LlmCallRecord[] = [];
  const model = new MockLanguageModelV3({
    doGenerate: async (options: LanguageModelV3CallOptions): Promise<LanguageModelV3GenerateResult> => {
      const system = options.prompt
        .filter((m) => m.role === "system")
        .map((m) => m.content)
        .join("\n");
      const user = options.prompt
        .filter((m) => m.role === "user")
        .flatMap((m) => m.content.map((p) => (p.type === "text" ? p.text : "")))
        .join("\n");
      prompts.push({ system, user });
      const r = reply(user, prompts.length);
      if (r instanceof Error) throw r;
      if (typeof r === "object" && "hang" in r) {
        const signal = options.abortSignal;
        return new Promise<never>((_, reject) => {
          const stop = () => reject(signal?.reason ?? new Error("abortado"));
          if (signal?.aborted) stop();
          else signal?.addEventListener("abort", stop, { once: true });
        });
      }
      const { text, finishReason = "stop" } = typeof r === "string" ? { text: r } : r;
      return {
        content: [{ type: "text", text }],
        finishReason: { unified: finishReason, raw: finishReason },
        usage: {
          inputTokens: {
            total: Math.ceil((system.length + user.length) / 4),
            noCache: undefined,
            cacheRead: undefined,
            cacheWrite: undefined,
          },
          outputTokens: { total: Math.ceil(text.length / 4), text: undefined, reasoning: undefined },
        },
        warnings: [],
      };
    },
  });
  const llm: Llm = {
    model,
    modelName: "mock-1",
    timeoutMs: 1_000,
    tryAcquire: () => true,
    onCall: (c) => void calls.push(c),
    ...over,
  };
  return { llm, prompts, calls };
}
