import { describe, expect, it } from "vitest";
import { parseMetricasFiltros } from "./metricas-periodo";

const SP = "America/Sao_Paulo";
// 01:30 UTC on 6 Dec is still 5 Dec (22:30) in São Paulo: "today" is the 5th.
const agora = new Date("2026-12-06T01:30:00Z");

describe("parseMetricasFiltros", () => {
  it("the last N São Paulo days, today included, and the N days before them", () => {
    const { periodo } = parseMetricasFiltros({ periodo: "7" }, SP, agora);
    expect(periodo).toMatchObject({ escolha: "7", de: "2026-11-29", ate: "2026-12-05", dias: 7 });
    expect(periodo.desde).toEqual(new Date("2026-11-29T03:00:00Z"));
    expect(periodo.ateExclusivo).toEqual(new Date("2026-12-06T03:00:00Z"));
    expect(periodo.anterior).toEqual({
      desde: new Date("2026-11-22T03:00:00Z"),
      ate: new Date("2026-11-29T03:00:00Z"),
    });
  });

  it("30 days when nothing or something odd is asked", () => {
    for (const raw of [
      {},
      { periodo: "15" },
      { periodo: "custom" },
      { periodo: "custom", de: "2026-02-31", ate: "2026-03-01" },
    ]) {
      expect(parseMetricasFiltros(raw, SP, agora).periodo).toMatchObject({ escolha: "30", de: "2026-11-06", dias: 30 });
    }
  });

  it("a custom de/até, in either order, both days included", () => {
    const { periodo } = parseMetricasFiltros({ periodo: "custom", de: "2026-11-10", ate: "2026-11-01" }, SP, agora);
    expect(periodo).toMatchObject({ de: "2026-11-01", ate: "2026-11-10", dias: 10 });
    expect(periodo.anterior.desde).toEqual(new Date("2026-10-22T03:00:00Z"));
  });

  it("keeps a broker filter only when it looks like an id", () => {
    expect(parseMetricasFiltros({ corretor: "cor_01ABC" }, SP, agora).corretor).toBe("cor_01ABC");
    expect(parseMetricasFiltros({ corretor: "x'; drop" }, SP, agora).corretor).toBeUndefined();
  });
});
