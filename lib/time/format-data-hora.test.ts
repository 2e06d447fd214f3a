import { describe, expect, it } from "vitest";
import { formatDataHora } from "./format-data-hora";

describe("formatDataHora", () => {
  it("shows the instant on São Paulo's clock by default, whatever the server's zone", () => {
    expect(formatDataHora(new Date("2026-11-22T10:15:00Z"))).toBe("22/11/2026 07:15");
    // Just after midnight UTC is still the previous evening in São Paulo.
    expect(formatDataHora(new Date("2026-01-01T02:05:00Z"))).toBe("31/12/2025 23:05");
  });

  it("uses the agency's time zone when given", () => {
    expect(formatDataHora(new Date("2026-11-22T10:15:00Z"), "America/Manaus")).toBe("22/11/2026 06:15");
  });

  it("shows a dash for a missing or invalid date", () => {
    expect(formatDataHora(null)).toBe("—");
    expect(formatDataHora(new Date("nope"))).toBe("—");
  });
});
