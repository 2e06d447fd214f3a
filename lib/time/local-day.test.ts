import { describe, expect, it } from "vitest";
import { localDayRange } from "./local-day";

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
