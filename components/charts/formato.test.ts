import { describe, expect, it } from "vitest";
import { formatDia, formatDiaLongo, formatValor } from "./formato";

describe("chart formatting (pt-BR)", () => {
  it("writes numbers, percents and minutes as a Brazilian reader expects", () => {
    expect(formatValor(12345, "numero")).toBe("12.345");
    expect(formatValor(57, "pct")).toBe("57%");
    expect(formatValor(125, "minutos")).toBe("2 h 05 min");
    expect(formatValor(null, "minutos")).toBe("—");
  });

  it("writes a calendar day as that day, whatever the server's zone", () => {
    expect(formatDia("2026-12-05")).toBe("05/12");
    expect(formatDiaLongo("2026-12-05")).toBe("sáb., 05/12");
  });
});
