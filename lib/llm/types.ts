// The model layer's one interface. Agents receive an `Llm` (or null: the rules engine writes and reads
// everything, which is the zero-config run) and never import a provider themselves.
import type { LanguageModelV3 } from "@ai-sdk/provider";
import type { LatencyWindow } from "./latency";

export type LlmUsage = { inputTokens: number; outputTokens: number };

/** What one call was for: the usage record and the logs say it, never the text itself. */
export const LLM_TAREFAS = ["analise", "mensagem", "rascunho"] as const;
export type LlmTarefa = (typeof LLM_TAREFAS)[number];

export type LlmCallRecord = {
  tarefa: LlmTarefa;
  imobiliariaId: string | null;
  modelo: string;
  usage: LlmUsage;
  ok: boolean;
};

export type Llm = {
  /** The AI SDK's model interface: generateText for structured output, doGenerate for plain text. */
  model: LanguageModelV3;
  /** e.g. "gpt-4o-mini": stored beside what the model wrote, so a reader knows which engine did. */
  modelName: string;
  timeoutMs: number;
  /** How long a hot lead's alert waits for the model before the template goes (default 1 s). */
  alertaOrcamentoMs?: number;
  /** How long after the webhook a hot lead's alert must be out, model or not (default 2 s: agents/conselheiro/send/alert-deadline.ts). */
  alertaPrazoMs?: number;
  /** How fast the model has written messages lately (lib/llm/latency.ts); a hot lead's alert asks it before calling. */
  latencia?: LatencyWindow;
  /** Takes one request slot of the per-process rate limit; false = go to the rules engine now. */
  tryAcquire: () => boolean;
  /** Where usage goes (tokens per agency and day); failures to record never fail the call. */
  onCall?: (record: LlmCallRecord) => void | Promise<void>;
  /** The agency's monthly cap (lib/llm/monthly-cap.ts): false = the rules engine, without calling. */
  permitido?: (imobiliariaId: string | null) => Promise<boolean>;
};

export type LlmFailure = "sem_vaga" | "limite_mensal" | "tempo_esgotado" | "erro" | "saida_invalida" | "recusa";

/** The model did not give a usable answer; the caller falls back to the rules engine and records why. */
export class LlmUnavailableError extends Error {
  constructor(
    public readonly motivo: LlmFailure,
    cause?: unknown,
  ) {
    super(`modelo indisponível: ${motivo}`, { cause });
    this.name = "LlmUnavailableError";
  }
}
