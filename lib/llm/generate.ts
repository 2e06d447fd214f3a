// One model call with the limits every task shares: a slot of the rate limit, a timeout per attempt,
// one retry, the usage recorded, and a typed failure the caller turns into the rules engine's answer.
import { generateText, NoObjectGeneratedError, Output } from "ai";
import type { z } from "zod";
import { log } from "@/lib/log";
import { LlmUnavailableError, type Llm, type LlmFailure, type LlmTarefa, type LlmUsage } from "./types";

export type LlmRequest = {
  tarefa: LlmTarefa;
  imobiliariaId: string | null;
  system: string;
  prompt: string;
  /** Total attempts (the first and its one retry by default). */
  tentativas?: number;
};

const ATTEMPTS = 2;

/** A zod-typed object from the model (structured output), or LlmUnavailableError. */
export async function generateStructured<S extends z.ZodType>(
  llm: Llm,
  request: LlmRequest & { schema: S },
): Promise<{ value: z.infer<S>; usage: LlmUsage }> {
  return withLimits(llm, request, async (abortSignal) => {
    const result = await generateText({
      model: llm.model,
      system: request.system,
      prompt: request.prompt,
      output: Output.object({ schema: request.schema }),
      maxRetries: 0,
      abortSignal,
    });
    return { value: request.schema.parse(result.output) as z.infer<S>, usage: usageOf(result.usage) };
  });
}

/** Free text from the model, or LlmUnavailableError. */
export async function generatePlainText(llm: Llm, request: LlmRequest): Promise<{ value: string; usage: LlmUsage }> {
  // Straight to the provider (the AI SDK's model interface): generateText's prompt conversion, step
  // loop and spans add about half again to the call's CPU (measured: ≈ 4.4 against ≈ 3.0 ms a call),
  // and an alert's call runs in the process that decides and sends alerts. A text prompt needs none of it.
  return withLimits(llm, request, async (abortSignal) => {
    const result = await llm.model.doGenerate({
      prompt: [
        { role: "system", content: request.system },
        { role: "user", content: [{ type: "text", text: request.prompt }] },
      ],
      abortSignal,
    });
    if (result.finishReason.unified === "content-filter") throw new LlmUnavailableError("recusa");
    const value = result.content.map((part) => (part.type === "text" ? part.text : "")).join("");
    return {
      value,
      usage: usageOf({ inputTokens: result.usage.inputTokens.total, outputTokens: result.usage.outputTokens.total }),
    };
  });
}

async function withLimits<T extends { usage: LlmUsage }>(
  llm: Llm,
  request: LlmRequest,
  attempt: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const tentativas = request.tentativas ?? ATTEMPTS;
  let last: LlmUnavailableError = new LlmUnavailableError("erro");
  if (llm.permitido && !(await llm.permitido(request.imobiliariaId))) {
    log.info("llm.monthly_cap", { tarefa: request.tarefa, imobiliariaId: request.imobiliariaId });
    throw new LlmUnavailableError("limite_mensal");
  }
  // The window speaks for message writing (a hot alert consults it); analyses are longer calls.
  const janela = request.tarefa === "mensagem" ? llm.latencia : undefined;
  for (let i = 0; i < tentativas; i++) {
    if (!llm.tryAcquire()) {
      last = new LlmUnavailableError("sem_vaga");
      break;
    }
    const inicio = performance.now();
    try {
      const out = await attempt(AbortSignal.timeout(llm.timeoutMs));
      janela?.answered(performance.now() - inicio);
      await record(llm, request, out.usage, true);
      return out;
    } catch (err) {
      last = err instanceof LlmUnavailableError ? err : new LlmUnavailableError(classify(err), err);
      if (last.motivo === "tempo_esgotado") janela?.timedOut(llm.timeoutMs);
      await record(llm, request, { inputTokens: 0, outputTokens: 0 }, false);
      // A refusal or a malformed answer would repeat itself; a timeout or a 5xx may not.
      if (last.motivo === "recusa" || last.motivo === "saida_invalida") break;
    }
  }
  log.warn("llm.unavailable", { tarefa: request.tarefa, motivo: last.motivo, modelo: llm.modelName });
  throw last;
}

function classify(err: unknown): LlmFailure {
  if (err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError")) return "tempo_esgotado";
  if (NoObjectGeneratedError.isInstance(err))
    return err.finishReason === "content-filter" ? "recusa" : "saida_invalida";
  if (err instanceof Error && err.name === "ZodError") return "saida_invalida";
  return "erro";
}

function usageOf(u: { inputTokens: number | undefined; outputTokens: number | undefined }): LlmUsage {
  return { inputTokens: u.inputTokens ?? 0, outputTokens: u.outputTokens ?? 0 };
}

async function record(llm: Llm, request: LlmRequest, usage: LlmUsage, ok: boolean) {
  try {
    await llm.onCall?.({
      tarefa: request.tarefa,
      imobiliariaId: request.imobiliariaId,
      modelo: llm.modelName,
      usage,
      ok,
    });
  } catch (err) {
    log.warn("llm.usage_not_recorded", { error: String(err) });
  }
}
