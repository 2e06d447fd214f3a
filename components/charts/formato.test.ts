import { describe, expect, it } from "vitest";
import { formatDia, formatDiaLongo, formatValor, formatVariacao } from "./formato";

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

describe("formatVariacao", () => {
  it("a count changes by percent, a time by minutes, against the days before", () => {
    expect(formatVariacao(110, 100, "numero", 30)).toBe("+10% sobre os 30 dias anteriores");
    expect(formatVariacao(75, 100, "numero", 7)).toBe("−25% sobre os 7 dias anteriores");
    expect(formatVariacao(6, 10, "minutos", 30)).toBe("−4 min sobre os 30 dias anteriores");
    expect(formatVariacao(10, 10, "minutos", 30)).toBe("igual aos 30 dias anteriores");
    expect(formatVariacao(5, 0, "numero", 30)).toBe("sem comparação com os 30 dias anteriores");
    expect(formatVariacao(null, 3, "minutos", 90)).toBe("sem comparação com os 90 dias anteriores");
  });
});
