import { describe, expect, it } from "vitest";
import { parsePortalDate } from "./parse-portal-date";

describe("parsePortalDate", () => {
  it.each([
    ["2026-11-20T13:42:07.118Z", "2026-11-20T13:42:07.118Z"],
    ["2026-11-22T14:03:22-03:00", "2026-11-22T17:03:22.000Z"],
    ["2026-11-22T14:03:22-0300", "2026-11-22T17:03:22.000Z"],
    ["2026-11-22 09:31:12", "2026-11-22T12:31:12.000Z"], // São Paulo wall clock
    ["2026-11-22T09:31", "2026-11-22T12:31:00.000Z"],
    ["2026-11-22", "2026-11-22T03:00:00.000Z"],
  ])("%s → %s", (input, iso) => {
    expect(parsePortalDate(input)?.toISOString()).toBe(iso);
  });

  it("uses the zone database, not a fixed offset (São Paulo had DST in 2018)", () => {
    expect(parsePortalDate("2018-12-01 12:00:00")?.toISOString()).toBe("2018-12-01T14:00:00.000Z");
  });

  it.each(["", "ontem", "22/11/2026", "2026-02-31 10:00:00", "2026-13-01", "2026-11-22T25:00:00Z"])(
    "%j → null",
    (input) => {
      expect(parsePortalDate(input)).toBeNull();
    },
  );
});
