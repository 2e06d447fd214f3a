// KV over a real Redis (ioredis). Tuned to fail fast: when Redis is down a command rejects
// within ~2 s instead of queueing forever, so callers can degrade to Postgres.
import Redis from "ioredis";
import { log } from "@/lib/log";
import { DECREMENT_FLOOR_ZERO_LUA, INCREMENT_IF_BELOW_LUA, parseIncrementReply } from "./lua-scripts";
import { assertLimit, assertTtlSeconds, type Kv } from "./types";

export interface RedisKvOptions {
  url: string;
  /** Upper bound for connecting and for each command, in ms. */
  timeoutMs?: number;
}

// defineCommand adds these methods at run time; ioredis cannot type them for us.
interface ScriptCommands {
  kvIncrementIfBelow(key: string, limit: number, ttlSeconds: number): Promise<unknown>;
  kvDecrementFloorZero(key: string): Promise<number>;
}

const ERROR_LOG_INTERVAL_MS = 30_000;

export function createRedisKv(options: RedisKvOptions): Kv {
  const timeoutMs = options.timeoutMs ?? 2000;
  const redis = new Redis(options.url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    // Covers commands waiting in the offline queue too, so nothing waits longer than this.
    commandTimeout: timeoutMs,
    // Queued commands fail after one failed reconnect instead of piling up while Redis is down.
    maxRetriesPerRequest: 1,
    retryStrategy: (times) => Math.min(times * 200, 2000),
  });
  redis.defineCommand("kvIncrementIfBelow", { numberOfKeys: 1, lua: INCREMENT_IF_BELOW_LUA });
  redis.defineCommand("kvDecrementFloorZero", { numberOfKeys: 1, lua: DECREMENT_FLOOR_ZERO_LUA });
  const scripts = redis as unknown as ScriptCommands;

  // Once a connection has failed, commands fail at once until ioredis reconnects in the
  // background, instead of each one waiting out the timeout during an outage.
  let down = false;
  redis.on("ready", () => void (down = false));
  redis.on("close", () => void (down = true));
  const whenUp = async <T>(run: () => Promise<T>): Promise<T> => {
    if (down) throw new Error("KV: Redis indisponível (reconectando)");
    return run();
  };

  // Without a listener ioredis prints every reconnect failure; one warning per interval is enough.
  let lastErrorLog = 0;
  redis.on("error", (err: Error) => {
    if (Date.now() - lastErrorLog < ERROR_LOG_INTERVAL_MS) return;
    lastErrorLog = Date.now();
    log.warn("kv.redis_error", { error: err.message });
  });

  return {
    driver: "redis",
    async get(key) {
      return whenUp(() => redis.get(key));
    },
    async set(key, value, ttlSeconds) {
      assertTtlSeconds(ttlSeconds);
      await whenUp(() => redis.set(key, value, "EX", ttlSeconds));
    },
    async del(...keys) {
      if (keys.length === 0) return 0;
      return whenUp(() => redis.del(...keys));
    },
    async ttl(key) {
      return whenUp(() => redis.ttl(key));
    },
    async incrementIfBelow(key, limit, ttlSeconds) {
      assertLimit(limit);
      assertTtlSeconds(ttlSeconds);
      return parseIncrementReply(await whenUp(() => scripts.kvIncrementIfBelow(key, limit, ttlSeconds)));
    },
    async decrement(key) {
      return Number(await whenUp(() => scripts.kvDecrementFloorZero(key)));
    },
    async ping() {
      await whenUp(() => redis.ping());
    },
    async close() {
      if (redis.status === "ready") {
        try {
          await redis.quit();
          return;
        } catch {
          // fall through: a failed QUIT still has to drop the socket
        }
      }
      redis.disconnect();
    },
  };
}
