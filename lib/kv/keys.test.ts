import { describe, expect, it } from "vitest";
import { kvKeys, saoPauloDay, secondsUntilSaoPauloMidnight } from "./keys";

describe("kvKeys", () => {
  it.each(["", "cor 1", "cor:1", "cor_1\n", "*", "a".repeat(51)])("rejects the id %j", (id) => {
    expect(() => kvKeys.mensagensDia(id, new Date())).toThrow(/inválido/);
  });

  it("rejects an invalid date", () => {
    expect(() => kvKeys.mensagensDia("cor_1", new Date("nope"))).toThrow(/data inválida/);
  });
});

describe("mensagens_dia and the São Paulo day", () => {
  it("2026-11-25T02:30Z is still 2026-11-24 in São Paulo", () => {
    const at = new Date("2026-11-25T02:30:00Z");
    expect(saoPauloDay(at)).toBe("2026-11-24");
    expect(kvKeys.mensagensDia("cor_1", at).key).toBe("mensagens_dia:cor_1_2026-11-24");
  });

  it("switches day at São Paulo midnight (03:00Z), not UTC midnight", () => {
    expect(saoPauloDay(new Date("2026-11-25T02:59:59Z"))).toBe("2026-11-24");
    expect(saoPauloDay(new Date("2026-11-25T03:00:00Z"))).toBe("2026-11-25");
    expect(saoPauloDay(new Date("2026-11-25T00:00:00Z"))).toBe("2026-11-24");
  });

  it("expires one hour after the next São Paulo midnight", () => {
    const at = new Date("2026-11-25T02:30:00Z");
    // next SP midnight is 2026-11-25T03:00Z: 30 min away, plus the 1 h margin
    expect(secondsUntilSaoPauloMidnight(at)).toBe(30 * 60);
    expect(kvKeys.mensagensDia("cor_1", at).ttlSeconds).toBe(30 * 60 + 3600);

    const morning = new Date("2026-03-10T12:00:00Z"); // 09:00 in São Paulo
    expect(kvKeys.mensagensDia("cor_1", morning).ttlSeconds).toBe(15 * 3600 + 3600);
  });

  it("a counter written at 23:59:59 SP still outlives its day", () => {
    const at = new Date("2026-11-25T02:59:59Z");
    const { key, ttlSeconds } = kvKeys.mensagensDia("cor_1", at);
    expect(key).toBe("mensagens_dia:cor_1_2026-11-24");
    expect(ttlSeconds).toBe(1 + 3600);
    expect(at.getTime() + ttlSeconds * 1000).toBeGreaterThan(new Date("2026-11-25T03:00:00Z").getTime());
  });
});
