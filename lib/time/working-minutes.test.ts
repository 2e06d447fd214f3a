import { describe, expect, it } from "vitest";
import { parsePreferencias } from "@/lib/domain/preferencias";
import { addWorkingMinutes } from "./working-minutes";

// Default hours 08:00–20:00, Monday to Saturday; São Paulo is UTC−3 all year.
const prefs = parsePreferencias({});
const sp = (local: string) => new Date(`${local}-03:00`);

describe("addWorkingMinutes", () => {
  it("counts inside the shift when there is room", () => {
    expect(addWorkingMinutes(prefs, sp("2026-11-24T10:00:00"), 15)).toEqual(sp("2026-11-24T10:15:00"));
  });

  it("carries what the shift cannot hold to the next one: 19:55 + 15 min = 08:10 the next day", () => {
    expect(addWorkingMinutes(prefs, sp("2026-11-24T19:55:00"), 15)).toEqual(sp("2026-11-25T08:10:00"));
  });

  it("starts counting at the shift start when the lead arrives before it, or after it ends", () => {
    expect(addWorkingMinutes(prefs, sp("2026-11-24T06:30:00"), 15)).toEqual(sp("2026-11-24T08:15:00"));
    expect(addWorkingMinutes(prefs, sp("2026-11-24T22:00:00"), 15)).toEqual(sp("2026-11-25T08:15:00"));
  });

  it("skips days off: Saturday 19:55 is due on Monday 08:10, a weekday-only broker's Friday 19:55 too", () => {
    expect(addWorkingMinutes(prefs, sp("2026-11-28T19:55:00"), 15)).toEqual(sp("2026-11-30T08:10:00"));
    const semana = parsePreferencias({ dias: [1, 2, 3, 4, 5] });
    expect(addWorkingMinutes(semana, sp("2026-11-27T19:55:00"), 15)).toEqual(sp("2026-11-30T08:10:00"));
    expect(addWorkingMinutes(semana, sp("2026-11-28T11:00:00"), 15)).toEqual(sp("2026-11-30T08:15:00"));
  });

  it("spans several shifts for a long deadline, and ignores a pause (the caller decides what a pause means)", () => {
    const curto = parsePreferencias({ horario: { inicio: "09:00", fim: "10:00" }, pausadoAte: "2026-12-31T00:00:00Z" });
    expect(addWorkingMinutes(curto, sp("2026-11-24T09:30:00"), 100)).toEqual(sp("2026-11-26T09:10:00"));
  });

  it("reads a shift ending 23:59 as running to midnight", () => {
    const noite = parsePreferencias({ horario: { inicio: "08:00", fim: "23:59" } });
    expect(addWorkingMinutes(noite, sp("2026-11-24T23:55:00"), 10)).toEqual(sp("2026-11-25T08:05:00"));
  });
});
