import { describe, expect, it } from "vitest";
import { resolvePausa } from "./resolve-pausa";

const TZ = "America/Sao_Paulo";
const prefs = { horario: { inicio: "08:00", fim: "20:00" }, dias: [1, 2, 3, 4, 5, 6] };
/** Tuesday 2026-11-24 10:00 in São Paulo (UTC−3). */
const TUE_1000 = new Date("2026-11-24T13:00:00Z");

describe("resolvePausa", () => {
  it("a duration counts from now", () => {
    expect(resolvePausa({ tipo: "duracao", minutos: 90 }, prefs, TUE_1000, TZ).toISOString()).toBe(
      "2026-11-24T14:30:00.000Z",
    );
  });

  it("'até HH:MM' is today when still ahead, else tomorrow, local time", () => {
    expect(resolvePausa({ tipo: "ate_hora", hora: 14, minuto: 0 }, prefs, TUE_1000, TZ).toISOString()).toBe(
      "2026-11-24T17:00:00.000Z",
    );
    expect(resolvePausa({ tipo: "ate_hora", hora: 9, minuto: 30 }, prefs, TUE_1000, TZ).toISOString()).toBe(
      "2026-11-25T12:30:00.000Z",
    );
    expect(resolvePausa({ tipo: "ate_hora", hora: 10, minuto: 0 }, prefs, TUE_1000, TZ).toISOString()).toBe(
      "2026-11-25T13:00:00.000Z",
    );
  });

  it("'até amanhã' is the start of the next working day, skipping days off", () => {
    expect(resolvePausa({ tipo: "ate_amanha" }, prefs, TUE_1000, TZ).toISOString()).toBe("2026-11-25T11:00:00.000Z");
    // Saturday 23:00 local: Sunday is off, so Monday 08:00.
    expect(resolvePausa({ tipo: "ate_amanha" }, prefs, new Date("2026-11-29T02:00:00Z"), TZ).toISOString()).toBe(
      "2026-11-30T11:00:00.000Z",
    );
    // Just after local midnight it is still "tomorrow": the next day's start, not today's.
    expect(resolvePausa({ tipo: "ate_amanha" }, prefs, new Date("2026-11-24T03:30:00Z"), TZ).toISOString()).toBe(
      "2026-11-25T11:00:00.000Z",
    );
  });

  it("follows the agency's timezone", () => {
    expect(resolvePausa({ tipo: "ate_amanha" }, prefs, TUE_1000, "America/Manaus").toISOString()).toBe(
      "2026-11-25T12:00:00.000Z",
    );
  });
});
