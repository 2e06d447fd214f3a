import { describe, expect, it } from "vitest";
import { parsePreferencias } from "@/lib/domain/preferencias";
import { dailySummaryDue, isoWeekKey, weeklySummaryDue } from "./summary-schedule";
import { sp } from "./testing/summary-scene";

const SP = "America/Sao_Paulo";
const comercial = parsePreferencias({ horario: { inicio: "08:00", fim: "20:00" }, dias: [1, 2, 3, 4, 5, 6] });

describe("dailySummaryDue", () => {
  it("is due from the start of the broker's hours, covering yesterday and what waits since a week ago", () => {
    expect(dailySummaryDue("cor_1", comercial, sp("2026-11-24T07:59"), SP)).toBeNull();
    expect(dailySummaryDue("cor_1", comercial, sp("2026-11-24T08:00"), SP)).toEqual({
      chave: "resumo:cor_1:2026-11-24",
      periodo: { desde: sp("2026-11-23T00:00"), ate: sp("2026-11-24T00:00") },
      pendentes: { desde: sp("2026-11-17T00:00"), ate: sp("2026-11-24T08:00") },
    });
    // Later the same day the key is the same: the row that exists by then makes it a no-op.
    expect(dailySummaryDue("cor_1", comercial, sp("2026-11-24T15:00"), SP)?.chave).toBe("resumo:cor_1:2026-11-24");
    expect(dailySummaryDue("cor_1", comercial, sp("2026-11-24T20:00"), SP)).toBeNull();
  });

  it("on Monday covers the weekend; nothing on a day off or while paused", () => {
    expect(dailySummaryDue("cor_1", comercial, sp("2026-11-23T08:30"), SP)?.periodo).toEqual({
      desde: sp("2026-11-21T00:00"),
      ate: sp("2026-11-23T00:00"),
    });
    expect(dailySummaryDue("cor_1", comercial, sp("2026-11-22T10:00"), SP)).toBeNull(); // Sunday
    const pausado = { ...comercial, pausadoAte: sp("2026-11-24T12:00").toISOString() };
    expect(dailySummaryDue("cor_1", pausado, sp("2026-11-24T08:00"), SP)).toBeNull();
    expect(dailySummaryDue("cor_1", pausado, sp("2026-11-24T12:00"), SP)?.chave).toBe("resumo:cor_1:2026-11-24");
  });

  it("waits for the agency's 'from' hour when it set one, then the first moment on duty", () => {
    expect(dailySummaryDue("cor_1", comercial, sp("2026-11-24T08:00"), SP, "09:30")).toBeNull();
    expect(dailySummaryDue("cor_1", comercial, sp("2026-11-24T09:29"), SP, "09:30")).toBeNull();
    expect(dailySummaryDue("cor_1", comercial, sp("2026-11-24T09:30"), SP, "09:30")?.chave).toBe(
      "resumo:cor_1:2026-11-24",
    );
    // An hour before the broker's start changes nothing: the start of hours still decides.
    expect(dailySummaryDue("cor_1", comercial, sp("2026-11-24T07:00"), SP, "06:00")).toBeNull();
    expect(dailySummaryDue("cor_1", comercial, sp("2026-11-24T08:00"), SP, "06:00")).not.toBeNull();
  });

  it("keys the day by the agency's local date, not UTC's", () => {
    const noite = parsePreferencias({ horario: { inicio: "00:00", fim: "23:59" }, dias: [0, 1, 2, 3, 4, 5, 6] });
    // 22:30 on the 24th in São Paulo is already the 25th in UTC.
    expect(dailySummaryDue("cor_1", noite, sp("2026-11-24T22:30"), SP)?.chave).toBe("resumo:cor_1:2026-11-24");
  });
});

describe("weeklySummaryDue", () => {
  it("is due from Monday's start of hours and covers the previous ISO week, Monday to Monday", () => {
    expect(weeklySummaryDue("cor_1", comercial, sp("2026-11-23T07:59"), SP)).toBeNull();
    expect(weeklySummaryDue("cor_1", comercial, sp("2026-11-23T08:00"), SP)).toEqual({
      chave: "resumo_semanal:cor_1:2026-W47",
      semana: "2026-W47",
      periodo: { desde: sp("2026-11-16T00:00"), ate: sp("2026-11-23T00:00") },
    });
    // Every later moment on duty that week has the same key (missed Monday → sent on Tuesday, once).
    expect(weeklySummaryDue("cor_1", comercial, sp("2026-11-28T19:00"), SP)?.chave).toBe(
      "resumo_semanal:cor_1:2026-W47",
    );
  });

  it("waits for the agency's weekly 'from' hour on Monday", () => {
    expect(weeklySummaryDue("cor_1", comercial, sp("2026-11-23T08:00"), SP, "10:00")).toBeNull();
    expect(weeklySummaryDue("cor_1", comercial, sp("2026-11-23T10:00"), SP, "10:00")?.semana).toBe("2026-W47");
  });

  it("waits for the first working day when the broker does not work on Mondays", () => {
    const tercaASabado = parsePreferencias({ horario: { inicio: "09:00", fim: "18:00" }, dias: [2, 3, 4, 5, 6] });
    expect(weeklySummaryDue("cor_1", tercaASabado, sp("2026-11-23T10:00"), SP)).toBeNull();
    expect(weeklySummaryDue("cor_1", tercaASabado, sp("2026-11-24T09:00"), SP)?.semana).toBe("2026-W47");
  });

  it("names ISO weeks across the year's end by the ISO year", () => {
    expect(isoWeekKey(sp("2026-12-31T12:00"), SP)).toBe("2026-W53");
    expect(isoWeekKey(sp("2027-01-04T12:00"), SP)).toBe("2027-W01");
    expect(isoWeekKey(sp("2027-01-01T12:00"), SP)).toBe("2026-W53");
  });
});
