import { describe, expect, it } from "vitest";
import { tempoDecorrido } from "./tempo-decorrido";

const now = new Date(Date.UTC(2026, 2, 10, 15, 0));
const antes = (ms: number) => new Date(now.getTime() - ms);

describe("tempoDecorrido", () => {
  it.each([
    [30_000, "agora"],
    [5 * 60_000, "há 5 min"],
    [3 * 3_600_000 + 59 * 60_000, "há 3 h"],
    [26 * 3_600_000, "há 1 dia"],
    [12 * 86_400_000, "há 12 dias"],
  ])("%d ms ago reads %s", (ms, texto) => {
    expect(tempoDecorrido(antes(ms), now)).toBe(texto);
  });

  it("gives the São Paulo date past a month, and a dash for no date", () => {
    expect(tempoDecorrido(new Date(Date.UTC(2026, 0, 2, 1, 0)), now)).toBe("em 01/01/2026");
    expect(tempoDecorrido(null, now)).toBe("—");
  });
});
