// One contract, every adapter: memory always; Redis and Vercel KV (through the local
// Upstash-protocol fake backed by the same Redis) when REDIS_URL is set, as in CI.
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { createKv, getKv } from "./index";
import { startUpstashRestServer, type UpstashRestServer } from "./testing/upstash-rest-server";
import type { Kv } from "./types";

interface Harness {
  kv: Kv;
  /** Lets `ms` of KV time pass: moves the fake clock, or really waits for a server. */
  advance(ms: number): Promise<void>;
  teardown(): Promise<void>;
}

interface Target {
  name: string;
  skipReason?: string;
  setup(): Promise<Harness>;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const redisUrl = env.kv.redisUrl;
const noRedis = redisUrl ? undefined : "REDIS_URL não definida (a CI sempre define)";

const targets: Target[] = [
  {
    name: "memory",
    async setup() {
      let clock = Date.parse("2026-11-24T12:00:00Z");
      const kv = createKv({ driver: "memory", now: () => clock });
      return { kv, advance: async (ms) => void (clock += ms), teardown: () => kv.close() };
    },
  },
  {
    name: "redis",
    skipReason: noRedis,
    async setup() {
      const kv = createKv({ driver: "redis", redisUrl: redisUrl! });
      return { kv, advance: sleep, teardown: () => kv.close() };
    },
  },
  {
    name: "vercel-kv (fake Upstash REST → Redis)",
    skipReason: noRedis,
    async setup() {
      const token = randomUUID();
      const server: UpstashRestServer = await startUpstashRestServer({ redisUrl: redisUrl!, token });
      const kv = createKv({ driver: "vercel-kv", restUrl: server.url, restToken: token });
      return { kv, advance: sleep, teardown: async () => (await kv.close(), await server.close()) };
    },
  },
];

for (const target of targets) {
  const suite = target.skipReason ? describe.skip : describe;
  suite(target.skipReason ? `${target.name} — pulado: ${target.skipReason}` : target.name, () => {
    let h: Harness;
    let kv: Kv;
    let prefix: string;
    const key = (name: string) => `${prefix}${name}`;

    beforeAll(async () => {
      h = await target.setup();
      kv = h.kv;
    });
    afterAll(async () => h?.teardown());
    afterEach(async () => {
      const names = ["a", "b", "c", "n", "list", "obj", "shape", "none"];
      await kv.del(...names.map(key));
    });
    // A fresh random prefix per test so parallel runs and CI's two passes never share a key.
    const test = (name: string, fn: () => Promise<void>) =>
      it(name, async () => {
        prefix = `kvtest:${randomUUID()}:`;
        await fn();
      });

    test("get/set/del round trip", async () => {
      expect(await kv.get(key("a"))).toBeNull();
      await kv.set(key("a"), '{"nome":"Ana","telefone":"+5511999990000"}', 60);
      await kv.set(key("b"), "ç ã é 🏠", 60);
      expect(await kv.get(key("a"))).toBe('{"nome":"Ana","telefone":"+5511999990000"}');
      expect(await kv.get(key("b"))).toBe("ç ã é 🏠");
      await kv.set(key("a"), "segundo", 60);
      expect(await kv.get(key("a"))).toBe("segundo");
      expect(await kv.del(key("a"), key("b"), key("c"))).toBe(2);
      expect(await kv.get(key("a"))).toBeNull();
      expect(await kv.del()).toBe(0);
    });

    test("every write needs a positive integer TTL", async () => {
      await expect(kv.set(key("a"), "x", 0)).rejects.toThrow(RangeError);
      await expect(kv.set(key("a"), "x", 1.5)).rejects.toThrow(RangeError);
      await expect(kv.incrementIfBelow(key("n"), 5, 0)).rejects.toThrow(RangeError);
      expect(await kv.get(key("a"))).toBeNull();
    });

    test("TTL is honoured and the key vanishes when it runs out", async () => {
      expect(await kv.ttl(key("a"))).toBe(-2);
      await kv.set(key("b"), "longo", 3600);
      const long = await kv.ttl(key("b"));
      expect(long).toBeGreaterThan(3590);
      expect(long).toBeLessThanOrEqual(3600);

      await kv.set(key("a"), "curto", 1);
      const short = await kv.ttl(key("a"));
      expect(short).toBeGreaterThan(0);
      expect(short).toBeLessThanOrEqual(1);
      await h.advance(1100);
      expect(await kv.get(key("a"))).toBeNull();
      expect(await kv.ttl(key("a"))).toBe(-2);
      expect(await kv.del(key("a"))).toBe(0);
      expect(await kv.get(key("b"))).toBe("longo");
    });

    test("incrementIfBelow is exact under concurrency", async () => {
      const results = await Promise.all(Array.from({ length: 50 }, () => kv.incrementIfBelow(key("n"), 5, 120)));
      const allowed = results.filter((r) => r.allowed);
      expect(allowed).toHaveLength(5);
      expect(allowed.map((r) => r.count).sort()).toEqual([1, 2, 3, 4, 5]);
      expect(results.filter((r) => !r.allowed).every((r) => r.count === 5)).toBe(true);
      expect(await kv.get(key("n"))).toBe("5");
      expect(await kv.incrementIfBelow(key("n"), 5, 120)).toEqual({ allowed: false, count: 5 });
      // A higher limit (quota raised mid-day) lets the same counter go on.
      expect(await kv.incrementIfBelow(key("n"), 6, 120)).toEqual({ allowed: true, count: 6 });
    });

    test("incrementIfBelow sets the TTL when it creates the counter, and only then", async () => {
      expect(await kv.incrementIfBelow(key("n"), 10, 120)).toEqual({ allowed: true, count: 1 });
      const ttl = await kv.ttl(key("n"));
      expect(ttl).toBeGreaterThan(110);
      expect(ttl).toBeLessThanOrEqual(120);
      await kv.incrementIfBelow(key("n"), 10, 5000);
      expect(await kv.ttl(key("n"))).toBeLessThanOrEqual(120);

      // limit 0 refuses without creating anything
      expect(await kv.incrementIfBelow(key("c"), 0, 120)).toEqual({ allowed: false, count: 0 });
      expect(await kv.ttl(key("c"))).toBe(-2);
    });

    test("decrement gives a slot back, never below 0, never creates the key", async () => {
      expect(await kv.decrement(key("n"))).toBe(0);
      expect(await kv.ttl(key("n"))).toBe(-2);
      await kv.incrementIfBelow(key("n"), 5, 120);
      await kv.incrementIfBelow(key("n"), 5, 120);
      expect(await kv.decrement(key("n"))).toBe(1);
      expect(await kv.decrement(key("n"))).toBe(0);
      expect(await kv.decrement(key("n"))).toBe(0);
      expect(await kv.get(key("n"))).toBe("0");
      expect(await kv.ttl(key("n"))).toBeGreaterThan(0);
      expect(await kv.incrementIfBelow(key("n"), 1, 120)).toEqual({ allowed: true, count: 1 });
    });

    test("ping works", async () => {
      await expect(kv.ping()).resolves.toBeUndefined();
    });
  });
}

describe("KV down: callers fail fast", () => {
  const downTargets: { name: string; make(): Kv }[] = [
    { name: "redis", make: () => createKv({ driver: "redis", redisUrl: "redis://127.0.0.1:1" }) },
    {
      name: "vercel-kv",
      make: () => createKv({ driver: "vercel-kv", restUrl: "http://127.0.0.1:1", restToken: "x" }),
    },
  ];

  for (const { name, make } of downTargets) {
    it(`${name}: ping rejects within a couple of seconds and a counter call fails`, async () => {
      const kv = make();
      try {
        const started = Date.now();
        await expect(kv.ping()).rejects.toThrow();
        expect(Date.now() - started).toBeLessThan(2500);

        await expect(kv.incrementIfBelow("kvtest:down:n", 5, 60)).rejects.toThrow();
      } finally {
        await kv.close();
      }
    });
  }
});

describe("getKv", () => {
  it("is one process-wide instance of the driver env selects", async () => {
    const kv = getKv();
    try {
      expect(getKv()).toBe(kv);
      expect(kv.driver).toBe(env.kv.driver);
      await expect(kv.ping()).resolves.toBeUndefined();
    } finally {
      await kv.close();
    }
  });
});
