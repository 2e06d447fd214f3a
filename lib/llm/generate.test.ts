// The real @ai-sdk/openai provider against a local fake OpenAI-compatible server (lib/llm/testing):
// nothing here reaches the internet.
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { createLlm } from "./create-llm";
import { generatePlainText, generateStructured } from "./generate";
import { startFakeOpenAiServer, type FakeOpenAiServer } from "./testing/fake-openai-server";
import { LlmUnavailableError, type LlmCallRecord } from "./types";

let fake: FakeOpenAiServer | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

const schema = z.object({ intencao: z.enum(["visita", "outro"]), resumo: z.string() });
const request = {
  tarefa: "analise" as const,
  imobiliariaId: "imob_1",
  system: "Classifique.",
  prompt: "quero visitar",
};

async function setup(answer: FakeOpenAiServer["answer"], over: { timeoutMs?: number; maxRpm?: number } = {}) {
  fake = await startFakeOpenAiServer(answer);
  const calls: LlmCallRecord[] = [];
  const llm = createLlm(
    {
      apiKey: "sk-teste-local",
      model: "modelo-teste",
      baseUrl: fake.baseUrl,
      timeoutMs: over.timeoutMs ?? 2_000,
      maxRpm: over.maxRpm ?? 100,
    },
    (c) => void calls.push(c),
  );
  return { llm, calls };
}

describe("generateStructured through the real provider", () => {
  it("asks for a JSON schema response and returns the typed object, recording the tokens", async () => {
    const { llm, calls } = await setup(() => ({
      kind: "content",
      content: '{"intencao":"visita","resumo":"quer ver"}',
    }));
    const out = await generateStructured(llm, { ...request, schema });
    expect(out.value).toEqual({ intencao: "visita", resumo: "quer ver" });
    expect(fake!.requests[0]!.model).toBe("modelo-teste");
    expect(fake!.requests[0]!.responseFormat?.type).toBe("json_schema");
    expect(calls).toEqual([
      expect.objectContaining({ tarefa: "analise", imobiliariaId: "imob_1", modelo: "modelo-teste", ok: true }),
    ]);
    expect(calls[0]!.usage.inputTokens).toBeGreaterThan(0);
  });

  it("a malformed answer is not retried and fails as saida_invalida", async () => {
    const { llm } = await setup(() => ({ kind: "content", content: '{"intencao":"comprar agora"}' }));
    await expect(generateStructured(llm, { ...request, schema })).rejects.toMatchObject({ motivo: "saida_invalida" });
    expect(fake!.requests).toHaveLength(1);
  });

  it("retries a 500 once, then succeeds", async () => {
    let n = 0;
    const { llm } = await setup(() =>
      ++n === 1 ? { kind: "error", status: 500 } : { kind: "content", content: '{"intencao":"outro","resumo":"-"}' },
    );
    expect((await generateStructured(llm, { ...request, schema })).value.intencao).toBe("outro");
    expect(fake!.requests).toHaveLength(2);
  });

  it("a server that never answers fails as tempo_esgotado after two attempts", async () => {
    const { llm, calls } = await setup(() => ({ kind: "hang" }), { timeoutMs: 300 });
    const err = await generateStructured(llm, { ...request, schema }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LlmUnavailableError);
    expect((err as LlmUnavailableError).motivo).toBe("tempo_esgotado");
    expect(fake!.requests).toHaveLength(2);
    expect(calls.map((c) => c.ok)).toEqual([false, false]);
  });

  it("remembers the model's pace at writing messages: answers and timeouts feed the window a hot lead's alert consults", async () => {
    const mensagem = { ...request, tarefa: "mensagem" as const };
    const { llm } = await setup(() => ({ kind: "hang" }), { timeoutMs: 200 });
    for (let i = 0; i < 4; i++) await generatePlainText(llm, mensagem).catch(() => undefined);
    // 4 calls × 2 attempts, none answered within 200 ms.
    expect(llm.latencia!.chanceWithin(200)).toBe(0);
    await fake!.close();
    const fast = await setup(() => ({ kind: "content", content: "Olá" }));
    for (let i = 0; i < 8; i++) await generatePlainText(fast.llm, mensagem);
    expect(fast.llm.latencia!.chanceWithin(fast.llm.timeoutMs)).toBe(1);
  });

  it("a slow analysis says nothing about how fast the model writes an alert", async () => {
    const { llm } = await setup(() => ({ kind: "hang" }), { timeoutMs: 200 });
    for (let i = 0; i < 5; i++) await generateStructured(llm, { ...request, schema }).catch(() => undefined);
    expect(fake!.requests).toHaveLength(10);
    expect(llm.latencia!.chanceWithin(200)).toBeNull();
  });

  it("over the per-process rate limit it does not call the model at all", async () => {
    const { llm } = await setup(() => ({ kind: "content", content: "Olá" }), { maxRpm: 1 });
    expect((await generatePlainText(llm, request)).value).toBe("Olá");
    await expect(generatePlainText(llm, request)).rejects.toMatchObject({ motivo: "sem_vaga" });
    expect(fake!.requests).toHaveLength(1);
  });

  it("plain text: the system and user prompt reach the server, a 500 is retried once, and the tokens are recorded", async () => {
    let n = 0;
    const { llm, calls } = await setup(() =>
      ++n === 1 ? { kind: "error", status: 500 } : { kind: "content", content: "Olá, Maria!" },
    );
    expect((await generatePlainText(llm, request)).value).toBe("Olá, Maria!");
    expect(fake!.requests).toHaveLength(2);
    expect(fake!.requests[1]!.messages.map((m) => m.role)).toEqual(["system", "user"]);
    expect(fake!.requests[1]!.messages[1]!.content).toContain(request.prompt);
    expect(calls.map((c) => c.ok)).toEqual([false, true]);
    expect(calls[1]!.usage.outputTokens).toBeGreaterThan(0);
  });

  it("a content-filter refusal fails as recusa", async () => {
    const { llm } = await setup(() => ({ kind: "content", content: "", finishReason: "content_filter" }));
    await expect(generatePlainText(llm, request)).rejects.toMatchObject({ motivo: "recusa" });
  });
});
