import { describe, expect, it } from "vitest";
import { kvKeys } from "@/lib/kv/keys";
import { LOGIN_LIMITS, lockSeconds, retryMinutes, tooManyAttemptsMessage } from "./login-throttle";

describe("login throttle", () => {
  it("doubles each lock of a pair, from 1 minute up to an hour", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 50].map((n) => lockSeconds(n))).toEqual([60, 120, 240, 480, 960, 1920, 3600, 3600]);
    expect(lockSeconds(1, { ...LOGIN_LIMITS, primeiroBloqueioSegundos: 10 })).toBe(10);
  });

  it("tells the user whole minutes, never 0", () => {
    expect(retryMinutes({ retryAfterSeconds: 0 })).toBe(1);
    expect(retryMinutes({ retryAfterSeconds: 61 })).toBe(2);
    expect(retryMinutes({ retryAfterSeconds: 3600 })).toBe(60);
    expect(tooManyAttemptsMessage(1)).toBe("Muitas tentativas. Tente novamente em 1 minuto.");
    expect(tooManyAttemptsMessage(4)).toBe("Muitas tentativas. Tente novamente em 4 minutos.");
  });

  it("keys a pair by e-mail (any case) and source, with no e-mail or address in the key", () => {
    const pair = kvKeys.falhasLogin("gestor@horizonte.demo", "203.0.113.7");
    expect(pair.key).toBe(kvKeys.falhasLogin(" GESTOR@horizonte.demo", "203.0.113.7").key);
    expect(pair.key).not.toBe(kvKeys.falhasLogin("gestor@horizonte.demo", "203.0.113.8").key);
    for (const { key } of [
      pair,
      kvKeys.bloqueiosLogin("gestor@horizonte.demo", "203.0.113.7"),
      kvKeys.tentativasLoginIp("203.0.113.7"),
    ]) {
      expect(key).not.toMatch(/gestor|203\.0/);
      expect(key.length).toBeLessThanOrEqual(100); // limites_login.chave, the Postgres fallback
    }
  });
});
