// In-process KV for development and tests without Redis. Mirrors Redis semantics closely
// (TTLs, integer counters) against an injectable clock so tests can move time.
import { assertLimit, assertTtlSeconds, type Kv } from "./types";

type Entry = { value: string; expiresAt: number };

export interface MemoryKvOptions {
  /** Milliseconds since the epoch; defaults to Date.now. */
  now?: () => number;
}

const SWEEP_INTERVAL_MS = 60_000;

export function createMemoryKv(options: MemoryKvOptions = {}): Kv {
  const now = options.now ?? Date.now;
  const store = new Map<string, Entry>();
  let lastSweep = now();

  function read(key: string): Entry | undefined {
    const entry = store.get(key);
    if (entry && entry.expiresAt <= now()) {
      store.delete(key);
      return undefined;
    }
    return entry;
  }

  // Expired keys nobody reads again would otherwise pile up in a long-running dev server.
  function sweep(): void {
    const t = now();
    if (t - lastSweep < SWEEP_INTERVAL_MS) return;
    lastSweep = t;
    for (const [key, entry] of store) if (entry.expiresAt <= t) store.delete(key);
  }

  function readCounter(key: string): { entry: Entry | undefined; value: number } {
    const entry = read(key);
    if (!entry) return { entry, value: 0 };
    if (!/^-?\d+$/.test(entry.value)) throw new Error("ERR value is not an integer or out of range");
    return { entry, value: Number(entry.value) };
  }

  const expiry = (ttlSeconds: number) => now() + ttlSeconds * 1000;

  // async functions so a thrown error becomes a rejected promise, like the network adapters.
  return {
    driver: "memory",
    async get(key) {
      return read(key)?.value ?? null;
    },
    async set(key, value, ttlSeconds) {
      assertTtlSeconds(ttlSeconds);
      sweep();
      store.set(key, { value, expiresAt: expiry(ttlSeconds) });
    },
    async del(...keys) {
      let removed = 0;
      for (const key of new Set(keys)) if (read(key) && store.delete(key)) removed++;
      return removed;
    },
    async ttl(key) {
      const entry = read(key);
      if (!entry) return -2;
      return Math.ceil((entry.expiresAt - now()) / 1000);
    },
    async incrementIfBelow(key, limit, ttlSeconds) {
      assertLimit(limit);
      assertTtlSeconds(ttlSeconds);
      const { entry, value } = readCounter(key);
      if (value >= limit) return { allowed: false, count: value };
      const count = value + 1;
      store.set(key, { value: String(count), expiresAt: entry?.expiresAt ?? expiry(ttlSeconds) });
      sweep();
      return { allowed: true, count };
    },
    async decrement(key) {
      const { entry, value } = readCounter(key);
      if (!entry || value <= 0) return 0;
      entry.value = String(value - 1);
      return value - 1;
    },
    async ping() {},
    async close() {
      store.clear();
    },
  };
}
