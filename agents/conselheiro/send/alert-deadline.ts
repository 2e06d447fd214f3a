// A hot lead's alert has a deadline, not only a per-call budget: the notification target counts from
// the webhook, so whatever the queues already took comes off the model's turn, and past it the template goes.
import type { Llm, LlmFailure } from "@/lib/llm/types";

/** A hot lead's alert may not wait on the model: one short try, then the template (and never past its deadline). */
export const ALERTA_ORCAMENTO_MS = 1_000;
/** `escrita_motivo` of an alert the deadline left no model turn. */
export const MOTIVO_SEM_TEMPO = "tempo_esgotado" satisfies LlmFailure;

/** The seed's notification target: a hot lead's alert leaves within 2 s of the portal's webhook. */
export const ALERTA_PRAZO_MS = 2_000;
/**
 * Kept for what the clock does not see and for the send after the text is settled: the webhook's
 * parse before its transaction, the claim, the throttle's slot and Twilio's answer. At 300 ms the
 * bench's p95 sat at 1.92–1.96 s (max 2.1 s) with the model; see docs/performance.md.
 */
export const ALERTA_MARGEM_MS = 500;
/** Less than this is no time left: no model answers that fast, and a call that cannot win only costs CPU. */
export const ALERTA_MINIMO_MS = 250;

export type AlertDeadline = {
  /** When the alert's clock started (alertClockStart). */
  desde: Date;
  /** deps.now() at the write. */
  agora: Date;
  /** The per-call cap (Llm.alertaOrcamentoMs, else ALERTA_ORCAMENTO_MS). */
  orcamentoMs: number;
  prazoMs?: number;
};

/** How long the alert may wait for the model now; 0 = no time left, the template goes as `tempo_esgotado`. */
export function alertModelBudgetMs(d: AlertDeadline): number {
  const restante = (d.prazoMs ?? ALERTA_PRAZO_MS) - (d.agora.getTime() - d.desde.getTime()) - ALERTA_MARGEM_MS;
  const budget = Math.min(d.orcamentoMs, restante);
  return budget >= ALERTA_MINIMO_MS ? Math.floor(budget) : 0;
}

/**
 * The webhook's moment is its event's detection (the row is written later, at the decision); an alert
 * held for the broker's shift starts its clock when released (`scheduled_for` = the release).
 */
export function alertClockStart(row: {
  criadoEm: Date;
  scheduledFor: Date | null;
  eventoDetectadoEm: Date | null;
}): Date {
  const inicio = row.eventoDetectadoEm ?? row.criadoEm;
  return row.scheduledFor && row.scheduledFor > inicio ? row.scheduledFor : inicio;
}

/**
 * Below this chance of answering within the alert's time left (lib/llm/latency.ts), the model is not
 * asked: the call would more likely be billed and aborted than used.
 */
export const ALERTA_CHANCE_MINIMA = 0.5;

/** `escrita_motivo` of an alert whose model has lately been too slow for the time it had left. */
export const MOTIVO_IA_LENTA = "ia_lenta";

export type AlertModelTurn =
  { ms: number; motivo: null } | { ms: 0; motivo: typeof MOTIVO_SEM_TEMPO | typeof MOTIVO_IA_LENTA };

/** The model's turn for an alert now, as the configured model's budget, deadline and recent pace allow. */
export function alertModelTurn(
  llm: Pick<Llm, "alertaOrcamentoMs" | "alertaPrazoMs" | "latencia">,
  desde: Date,
  agora: Date,
): AlertModelTurn {
  const ms = alertModelBudgetMs({
    desde,
    agora,
    orcamentoMs: llm.alertaOrcamentoMs ?? ALERTA_ORCAMENTO_MS,
    ...(llm.alertaPrazoMs !== undefined ? { prazoMs: llm.alertaPrazoMs } : {}),
  });
  if (ms === 0) return { ms: 0, motivo: MOTIVO_SEM_TEMPO };
  const chance = llm.latencia?.chanceWithin(ms) ?? null;
  if (chance !== null && chance < ALERTA_CHANCE_MINIMA) return { ms: 0, motivo: MOTIVO_IA_LENTA };
  return { ms, motivo: null };
}
