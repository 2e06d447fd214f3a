import { describe, expect, it } from "vitest";
import { LatencyWindow } from "@/lib/llm/latency";
import {
  ALERTA_MARGEM_MS,
  ALERTA_PRAZO_MS,
  alertClockStart,
  alertModelBudgetMs,
  alertModelTurn,
  MOTIVO_IA_LENTA,
  MOTIVO_SEM_TEMPO,
} from "./alert-deadline";

const t0 = new Date("2026-03-10T12:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);

describe("alertModelBudgetMs", () => {
  it("a fresh alert gets the whole per-call budget", () => {
    expect(alertModelBudgetMs({ desde: t0, agora: at(100), orcamentoMs: 1_000 })).toBe(1_000);
  });

  it("an alert that already waited in the queue gets only what is left before the target, minus the send's margin", () => {
    const agora = at(1_200);
    expect(alertModelBudgetMs({ desde: t0, agora, orcamentoMs: 1_000 })).toBe(
      ALERTA_PRAZO_MS - 1_200 - ALERTA_MARGEM_MS,
    );
  });

  it("no time left (or too little for any model to answer): 0, the template goes now", () => {
    expect(alertModelBudgetMs({ desde: t0, agora: at(1_800), orcamentoMs: 1_000 })).toBe(0);
    expect(alertModelBudgetMs({ desde: t0, agora: at(30_000), orcamentoMs: 1_000 })).toBe(0);
  });

  it("a wider target (a slow, distant model the agency accepts) widens the budget up to its cap", () => {
    expect(alertModelBudgetMs({ desde: t0, agora: at(1_800), orcamentoMs: 4_000, prazoMs: 10_000 })).toBe(4_000);
  });
});

describe("alertClockStart", () => {
  const criadoEm = at(400);
  it("counts from the event's detection (the webhook), not from the decision that wrote the row", () => {
    expect(alertClockStart({ criadoEm, scheduledFor: null, eventoDetectadoEm: t0 })).toEqual(t0);
  });
  it("an alert held for the broker's shift counts from its release", () => {
    const liberada = at(8 * 3_600_000);
    expect(alertClockStart({ criadoEm, scheduledFor: liberada, eventoDetectadoEm: t0 })).toEqual(liberada);
  });
  it("a row without an event counts from its creation", () => {
    expect(alertClockStart({ criadoEm, scheduledFor: null, eventoDetectadoEm: null })).toEqual(criadoEm);
  });
});

describe("alertModelTurn", () => {
  const recent = (answers: number[], timeouts: number[] = []) => {
    const w = new LatencyWindow();
    for (const ms of answers) w.answered(ms);
    for (const ms of timeouts) w.timedOut(ms);
    return w;
  };

  it("a model with no recent calls gets its turn (nothing says it is slow)", () => {
    expect(alertModelTurn({ latencia: new LatencyWindow() }, t0, at(100))).toEqual({ ms: 1_000, motivo: null });
  });

  it("a model that has mostly answered within the time left gets its turn", () => {
    const latencia = recent([300, 350, 400, 450, 500, 550, 600, 1_400]);
    expect(alertModelTurn({ latencia }, t0, at(100))).toEqual({ ms: 1_000, motivo: null });
  });

  it("a model that has mostly missed the time left is not asked: the template goes, saying why", () => {
    const latencia = recent([400, 500, 1_200], [1_000, 1_000, 1_000, 1_000, 1_000]);
    expect(alertModelTurn({ latencia }, t0, at(100))).toEqual({ ms: 0, motivo: MOTIVO_IA_LENTA });
    // Less time left: the same model answered within 600 ms in 1 of 8 calls.
    expect(alertModelTurn({ latencia: recent([400, 700, 800, 900, 1_000, 1_100, 1_200, 1_300]) }, t0, at(900))).toEqual(
      { ms: 0, motivo: MOTIVO_IA_LENTA },
    );
  });

  it("past the deadline the reason is the deadline, whatever the model's pace", () => {
    expect(alertModelTurn({ latencia: recent(Array(10).fill(100)) }, t0, at(1_800))).toEqual({
      ms: 0,
      motivo: MOTIVO_SEM_TEMPO,
    });
  });
});
