// Read-through cache over Postgres loaders. The KV is only a cache: any KV failure is logged
// and the caller gets the loaded value, never an error.
// Cached JSON tags Dates as {"$date": ISO} so a Date comes back as a Date, not a string.
import type { z } from "zod";
import { log } from "@/lib/log";
import type { Kv } from "./types";

const DATE_TAG = "$date";

export function serializeCacheValue(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, val: unknown) {
    // `val` already went through Date#toJSON; the holder still has the Date itself.
    const original = this[key];
    if (original instanceof Date) return { [DATE_TAG]: Number.isNaN(original.getTime()) ? null : original.toISOString() };
    return val;
  });
}

export function parseCacheValue(raw: string): unknown {
  return JSON.parse(raw, (_key, val: unknown) => {
    if (val !== null && typeof val === "object" && !Array.isArray(val)) {
      const keys = Object.keys(val);
      if (keys.length === 1 && keys[0] === DATE_TAG) {
        const iso = (val as Record<string, unknown>)[DATE_TAG];
        return typeof iso === "string" ? new Date(iso) : new Date(Number.NaN);
      }
    }
    return val;
  });
}

/**
 * Returns the cached value for `entry.key`, or calls `load()` and caches its result for
 * `entry.ttlSeconds`. A null from `load()` is not cached, so a row created a moment later is
 * seen at once. When `schema` is given, a cached value that no longer matches it (an older
 * deploy's shape) is dropped and reloaded.
 */
export async function readThrough<T>(
  kv: Kv,
  entry: { key: string; ttlSeconds: number },
  load: () => Promise<T | null>,
  schema?: z.ZodType<T>,
): Promise<T | null> {
  let raw: string | null;
  try {
    raw = await kv.get(entry.key);
  } catch (err) {
    log.warn("kv.cache.read_failed", { key: entry.key, driver: kv.driver, error: errorMessage(err) });
    // The KV is likely down: skip the write too rather than wait for a second timeout.
    return load();
  }

  if (raw !== null) {
    const cached = decodeCached(raw, schema);
    if (cached.ok) return cached.value;
    log.warn("kv.cache.stale_shape", { key: entry.key, driver: kv.driver });
  }

  const value = await load();
  if (value === null) return null;
  try {
    await kv.set(entry.key, serializeCacheValue(value), entry.ttlSeconds);
  } catch (err) {
    log.warn("kv.cache.write_failed", { key: entry.key, driver: kv.driver, error: errorMessage(err) });
  }
  return value;
}

/** Drops a cached entry after a write. Returns false (and logs) when the KV could not be reached. */
export async function invalidate(kv: Kv, key: string | { key: string }): Promise<boolean> {
  const k = typeof key === "string" ? key : key.key;
  try {
    await kv.del(k);
    return true;
  } catch (err) {
    // The entry then lives until its TTL; Postgres stays the truth.
    log.warn("kv.cache.invalidate_failed", { key: k, driver: kv.driver, error: errorMessage(err) });
    return false;
  }
}

function decodeCached<T>(raw: string, schema?: z.ZodType<T>): { ok: true; value: T } | { ok: false } {
  let parsed: unknown;
  try {
    parsed = parseCacheValue(raw);
  } catch {
    return { ok: false };
  }
  if (!schema) return { ok: true, value: parsed as T };
  const result = schema.safeParse(parsed);
  return result.success ? { ok: true, value: result.data } : { ok: false };
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
