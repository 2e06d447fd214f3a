import { describe, expect, it } from "vitest";
import { ALERTA_MARGEM_MS, ALERTA_PRAZO_MS, alertClockStart, alertModelBudgetMs } from "./alert-deadline";

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
