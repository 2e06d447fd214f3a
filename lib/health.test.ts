import { describe, expect, it } from "vitest";
import { checkHealth, type PingFailure } from "./health";

const answers = <D extends string>(driver: D, delayMs = 0) => ({
  driver,
  ping: () => new Promise<void>((resolve) => setTimeout(resolve, delayMs)),
});
const fails = <D extends string>(driver: D, message = "ECONNREFUSED 127.0.0.1:6379") => ({
  driver,
  ping: () => Promise.reject(new Error(message)),
});
const hangs = <D extends string>(driver: D) => ({ driver, ping: () => new Promise<void>(() => {}) });

describe("checkHealth", () => {
  it("is ok and names both drivers when both answer", async () => {
    const report = await checkHealth({ db: answers("pglite"), kv: answers("memory") });
    expect(report).toEqual({ ok: true, db: "pglite", kv: "memory" });
  });

  it("names the failing KV in pt-BR and keeps the raw reason out of the report", async () => {
    const failures: PingFailure[] = [];
    const report = await checkHealth(
      { db: answers("postgres"), kv: fails("redis") },
      { onFailure: (f) => failures.push(f) },
    );
    expect(report).toEqual({
      ok: false,
      db: "postgres",
      kv: "redis",
      failing: ["kv"],
      error: { code: "service_unavailable", message: "Serviço indisponível: cache (KV) (redis) não respondeu." },
    });
    expect(JSON.stringify(report)).not.toContain("ECONNREFUSED");
    expect(failures).toEqual([{ part: "kv", driver: "redis", reason: "ECONNREFUSED 127.0.0.1:6379" }]);
  });

  it("passes the wrapped driver error on to onFailure", async () => {
    const failures: PingFailure[] = [];
    const wrapped = new Error("Failed query: select 1", { cause: new Error("connect ECONNREFUSED 127.0.0.1:5499") });
    await checkHealth(
      { db: { driver: "postgres", ping: () => Promise.reject(wrapped) }, kv: answers("memory") },
      { onFailure: (f) => failures.push(f) },
    );
    expect(failures).toEqual([
      { part: "db", driver: "postgres", reason: "Failed query: select 1 (connect ECONNREFUSED 127.0.0.1:5499)" },
    ]);
  });

  it("lists both parts when both fail, the database first", async () => {
    const report = await checkHealth({ db: fails("neon"), kv: fails("vercel-kv") });
    expect(report.ok).toBe(false);
    if (report.ok) return;
    expect(report.failing).toEqual(["db", "kv"]);
    expect(report.error.message).toContain("banco de dados (neon)");
    expect(report.error.message).toContain("cache (KV) (vercel-kv)");
  });

  it("gives up on a ping that hangs after the timeout", async () => {
    const started = performance.now();
    const report = await checkHealth({ db: hangs("postgres"), kv: answers("memory") }, { timeoutMs: 50 });
    const elapsed = performance.now() - started;
    expect(report.ok).toBe(false);
    if (report.ok) return;
    expect(report.failing).toEqual(["db"]);
    expect(report.error.message).toBe("Serviço indisponível: banco de dados (postgres) não respondeu a tempo.");
    expect(elapsed).toBeLessThan(1_000);
  });

  it("pings both services in parallel", async () => {
    // The db ping only answers once the KV ping has started: run one after the other, it would time out.
    let kvStarted!: () => void;
    const kvHasStarted = new Promise<void>((resolve) => (kvStarted = resolve));
    const db = { driver: "pglite" as const, ping: () => kvHasStarted };
    const kv = { driver: "memory" as const, ping: async () => kvStarted() };
    expect(await checkHealth({ db, kv }, { timeoutMs: 1_000 })).toEqual({ ok: true, db: "pglite", kv: "memory" });
  });

  it("counts a ping that throws synchronously as a failure", async () => {
    const db = {
      driver: "postgres" as const,
      ping: (): Promise<void> => {
        throw new Error("pool fechado");
      },
    };
    const report = await checkHealth({ db, kv: answers("memory") });
    expect(report.ok).toBe(false);
    if (!report.ok) expect(report.failing).toEqual(["db"]);
  });
});
