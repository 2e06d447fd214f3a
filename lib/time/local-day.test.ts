import { describe, expect, it } from "vitest";
import { localDayRange, localDaysIn } from "./local-day";

describe("localDayRange", () => {
  it("spans the agency's day, not UTC's", () => {
    expect(localDayRange("2026-12-05", "America/Sao_Paulo")).toEqual({
      start: new Date("2026-12-05T03:00:00.000Z"),
      end: new Date("2026-12-06T03:00:00.000Z"),
    });
    expect(localDayRange("2026-12-05", "America/Manaus")?.start).toEqual(new Date("2026-12-05T04:00:00.000Z"));
  });

  it("refuses what is not a day", () => {
    for (const bad of ["2026-02-31", "2026-13-01", "05/12/2026", "", "2026-12-5"]) {
      expect(localDayRange(bad, "America/Sao_Paulo")).toBeNull();
    }
  });
});

describe("localDaysIn", () => {
  it("lists the agency's days a period touches, its end excluded", () => {
    // 02:59 UTC on the 5th is still the 4th in São Paulo; 03:00 UTC on the 7th is the 7th's first instant.
    expect(
      localDaysIn(new Date("2026-12-05T02:59:00Z"), new Date("2026-12-07T03:00:00Z"), "America/Sao_Paulo"),
    ).toEqual(["2026-12-04", "2026-12-05", "2026-12-06"]);
    expect(localDaysIn(new Date("2026-12-07T03:00:00Z"), new Date("2026-12-05T03:00:00Z"))).toEqual([]);
  });
});
