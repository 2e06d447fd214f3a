// KV over Vercel KV / Upstash's REST protocol (@vercel/kv). Values stay raw strings
// (automatic JSON parsing is off) and requests are bounded in time so callers can degrade.
import { createClient } from "@vercel/kv";
import { DECREMENT_FLOOR_ZERO_LUA, INCREMENT_IF_BELOW_LUA, parseIncrementReply } from "./lua-scripts";
import { assertLimit, assertTtlSeconds, type Kv } from "./types";

export interface VercelKvOptions {
  url: string;
  token: string;
  /** Upper bound for each HTTP request, in ms. */
  timeoutMs?: number;
}

export function createVercelKv(options: VercelKvOptions): Kv {
  const timeoutMs = options.timeoutMs ?? 2000;
  const client = createClient({
    url: options.url,
    token: options.token,
    automaticDeserialization: false,
    enableTelemetry: false,
    // One quick retry for a dropped connection; the default (5, exponential) takes ~10 s to give up.
    retry: { retries: 1, backoff: () => 100 },
    // A function, so each request gets a fresh deadline.
    signal: () => AbortSignal.timeout(timeoutMs),
  });
  // EVALSHA first, EVAL on NOSCRIPT: the script body travels only once per server.
  const incrementScript = client.createScript<unknown>(INCREMENT_IF_BELOW_LUA);
  const decrementScript = client.createScript<number>(DECREMENT_FLOOR_ZERO_LUA);

  return {
    driver: "vercel-kv",
    async get(key) {
      return client.get<string>(key);
    },
    async set(key, value, ttlSeconds) {
      assertTtlSeconds(ttlSeconds);
      await client.set(key, value, { ex: ttlSeconds });
    },
    async del(...keys) {
      if (keys.length === 0) return 0;
      return client.del(...keys);
    },
    async ttl(key) {
      return client.ttl(key);
    },
    async incrementIfBelow(key, limit, ttlSeconds) {
      assertLimit(limit);
      assertTtlSeconds(ttlSeconds);
      return parseIncrementReply(await incrementScript.exec([key], [String(limit), String(ttlSeconds)]));
    },
    async decrement(key) {
      return Number(await decrementScript.exec([key], []));
    },
    async ping() {
      await client.ping();
    },
    // Stateless HTTP: nothing to release.
    async close() {},
  };
}
