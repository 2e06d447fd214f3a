import { describe, expect, it } from "vitest";
import { createKv, type Kv } from "@/lib/kv";
import { kvKeys } from "@/lib/kv/keys";
import { clearLoginFailures, isLoginLocked, MAX_LOGIN_FAILURES, recordLoginFailure } from "./login-throttle";

describe("login throttle", () => {
  it("locks an e-mail after too many failures, whatever its case, and a success clears it", async () => {
    const kv = createKv({ driver: "memory" });
    for (let i = 0; i < MAX_LOGIN_FAILURES - 1; i++) await recordLoginFailure(kv, "gestor@horizonte.demo");
    expect(await isLoginLocked(kv, "gestor@horizonte.demo")).toBe(false);
    await recordLoginFailure(kv, "GESTOR@horizonte.demo");
    expect(await isLoginLocked(kv, "gestor@horizonte.demo")).toBe(true);
    expect(await isLoginLocked(kv, "admin@horizonte.demo")).toBe(false);
    await clearLoginFailures(kv, "gestor@horizonte.demo");
    expect(await isLoginLocked(kv, "gestor@horizonte.demo")).toBe(false);
  });

  it("keeps the window's TTL and no e-mail in the key", async () => {
    const kv = createKv({ driver: "memory" });
    await recordLoginFailure(kv, "gestor@horizonte.demo");
    const { key, ttlSeconds } = kvKeys.falhasLogin("gestor@horizonte.demo");
    expect(key).not.toContain("gestor");
    expect(await kv.ttl(key)).toBeGreaterThan(ttlSeconds - 5);
  });

  it("fails open when the KV is down: an outage must not lock everybody out", async () => {
    const broken = new Proxy({} as Kv, {
      get: () => () => Promise.reject(new Error("KV fora do ar")),
    });
    expect(await isLoginLocked(broken, "gestor@horizonte.demo")).toBe(false);
    await expect(recordLoginFailure(broken, "gestor@horizonte.demo")).resolves.toBeUndefined();
  });
});
