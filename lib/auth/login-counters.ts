// Where the login limits count: the KV (atomic incrementIfBelow), and Postgres while the KV is
// unreachable, as the daily quota falls back (agents/orquestrador/take-quota.ts). Limits never
// switch off: when both stores fail, the error reaches the login and it is refused.
import type { Db } from "@/lib/db/client";
import {
  decrementLimiteLogin,
  deleteLimitesLogin,
  getLimiteLogin,
  getLimiteLoginSecondsLeft,
  incrementLimiteLogin,
  setLimiteLogin,
} from "@/lib/db/queries/limites-login";
import type { Kv } from "@/lib/kv";
import type { KvEntry } from "@/lib/kv/keys";
import { log } from "@/lib/log";

export interface LoginCounters {
  /** Counts one attempt, atomically, only while the count is below `limit`. */
  take(entry: KvEntry, limit: number): Promise<{ allowed: boolean; count: number }>;
  /** The current count (0 when missing). */
  peek(key: string): Promise<number>;
  /** Seconds until the key expires (0 when missing). */
  secondsLeft(key: string): Promise<number>;
  /** Sets the key to `count` for `ttlSeconds` from now: a lock that starts now. */
  hold(key: string, count: number, ttlSeconds: number): Promise<void>;
  /** Gives back one slot taken by `take`. */
  giveBack(key: string): Promise<void>;
  clear(...keys: string[]): Promise<void>;
}

export type LoginCountersDeps = { kv: Kv; db: Db; now: () => Date };

const WARN_INTERVAL_MS = 30_000;

export function createLoginCounters({ kv, db, now }: LoginCountersDeps): LoginCounters {
  let lastWarn = 0;
  async function either<T>(onKv: () => Promise<T>, onDb: () => Promise<T>): Promise<T> {
    try {
      return await onKv();
    } catch (err) {
      if (Date.now() - lastWarn > WARN_INTERVAL_MS) {
        lastWarn = Date.now();
        log.warn("auth.limits_via_postgres", { error: String(err) });
      }
      return onDb();
    }
  }
  return {
    take: (entry, limit) =>
      either(
        () => kv.incrementIfBelow(entry.key, limit, entry.ttlSeconds),
        () => incrementLimiteLogin(db, entry.key, limit, entry.ttlSeconds, now()),
      ),
    peek: (key) =>
      either(
        async () => Number((await kv.get(key)) ?? 0),
        () => getLimiteLogin(db, key, now()),
      ),
    secondsLeft: (key) =>
      either(
        async () => Math.max(0, await kv.ttl(key)),
        () => getLimiteLoginSecondsLeft(db, key, now()),
      ),
    hold: (key, count, ttlSeconds) =>
      either(
        () => kv.set(key, String(count), ttlSeconds),
        () => setLimiteLogin(db, key, count, ttlSeconds, now()),
      ),
    giveBack: (key) =>
      either(
        async () => void (await kv.decrement(key)),
        () => decrementLimiteLogin(db, key),
      ),
    clear: (...keys) =>
      either(
        async () => void (await kv.del(...keys)),
        () => deleteLimitesLogin(db, keys),
      ),
  };
}
