import { describe, expect, it } from "vitest";
import { parsePreferencias } from "@/lib/domain/preferencias";
import { isOnDuty, nextDutyStart } from "./working-hours";

// Default hours 08:00–20:00, Monday to Saturday; São Paulo is UTC−3 all year (no DST since 2019).
const prefs = parsePreferencias({});

describe("isOnDuty", () => {
  it("uses São Paulo local time, not UTC", () => {
    // Tuesday 2026-11-24 19:55 in São Paulo = 22:55 UTC
    expect(isOnDuty(prefs, new Date("2026-11-24T22:55:00Z"))).toBe(true);
    // 20:01 local = 23:01 UTC: the shift has ended
    expect(isOnDuty(prefs, new Date("2026-11-24T23:01:00Z"))).toBe(false);
    // 07:59 local
    expect(isOnDuty(prefs, new Date("2026-11-24T10:59:00Z"))).toBe(false);
  });

  it("respects working days and pauses", () => {
    // Sunday 2026-11-22 12:00 local
    expect(isOnDuty(prefs, new Date("2026-11-22T15:00:00Z"))).toBe(false);
    const paused = parsePreferencias({ pausadoAte: "2026-11-24T18:00:00Z" });
    expect(isOnDuty(paused, new Date("2026-11-24T15:00:00Z"))).toBe(false);
    expect(isOnDuty(paused, new Date("2026-11-24T18:30:00Z"))).toBe(true);
  });
});

describe("a shift that runs to midnight", () => {
  // Tuesday 2026-11-24 23:59:30 in São Paulo = 02:59:30 UTC on the 25th
  const lastMinute = new Date("2026-11-25T02:59:30Z");

  it("written as 23:59 or 24:00, it covers the day's last minute", () => {
    for (const fim of ["23:59", "24:00"]) {
      const allDay = parsePreferencias({ horario: { inicio: "00:00", fim }, dias: [0, 1, 2, 3, 4, 5, 6] });
      expect(isOnDuty(allDay, lastMinute), fim).toBe(true);
      expect(nextDutyStart(allDay, lastMinute), fim).toEqual(lastMinute);
    }
  });

  it("a shift ending earlier still ends at its minute", () => {
    const late = parsePreferencias({ horario: { inicio: "18:00", fim: "23:58" } });
    expect(isOnDuty(late, new Date("2026-11-25T02:57:59Z"))).toBe(true);
    expect(isOnDuty(late, new Date("2026-11-25T02:58:00Z"))).toBe(false);
  });

  it("24:00 is accepted only as the end of a shift", () => {
    expect(() => parsePreferencias({ horario: { inicio: "24:00", fim: "24:00" } })).toThrow();
    expect(() => parsePreferencias({ horario: { inicio: "08:00", fim: "24:01" } })).toThrow();
  });
});

describe("nextDutyStart", () => {
  it("is the same instant when on duty", () => {
    const at = new Date("2026-11-24T15:00:00Z");
    expect(nextDutyStart(prefs, at)).toEqual(at);
  });

  it("after hours on a Saturday, skips Sunday to Monday 08:00 local", () => {
    // Saturday 2026-11-28 21:00 local = Sunday 00:00 UTC
    expect(nextDutyStart(prefs, new Date("2026-11-29T00:00:00Z")).toISOString()).toBe("2026-11-30T11:00:00.000Z");
  });

  it("before hours, the same day's start", () => {
    expect(nextDutyStart(prefs, new Date("2026-11-24T09:00:00Z")).toISOString()).toBe("2026-11-24T11:00:00.000Z");
  });

  it("a paused broker resumes at the first shift after the pause", () => {
    const paused = parsePreferencias({ pausadoAte: "2026-11-25T00:30:00Z" }); // 21:30 local Tue
    expect(nextDutyStart(paused, new Date("2026-11-24T15:00:00Z")).toISOString()).toBe("2026-11-25T11:00:00.000Z");
  });
});
