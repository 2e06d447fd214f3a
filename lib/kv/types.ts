// The one KV interface every adapter (memory, Redis, Vercel KV) implements, so callers never
// know which store is behind it. House rule: every write sets a TTL, so there is no plain `set`.
import type { KvDriver } from "@/lib/env";

export type { KvDriver };

export interface Kv {
  readonly driver: KvDriver;
  /** The string stored at `key`, or null when missing or expired. */
  get(key: string): Promise<string | null>;
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
  /** How many of the keys existed and were removed. */
  del(...keys: string[]): Promise<number>;
  /** Seconds left; -2 when the key is missing, -1 when it has no TTL. */
  ttl(key: string): Promise<number>;
  /**
   * Atomically increments the counter only while its current value is below `limit`;
   * sets `ttlSeconds` when the increment creates the key (or finds it without a TTL).
   */
  incrementIfBelow(key: string, limit: number, ttlSeconds: number): Promise<{ allowed: boolean; count: number }>;
  /** Gives a quota slot back; never goes below 0 and never creates the key. Returns the new value. */
  decrement(key: string): Promise<number>;
  /** Resolves when the store answers; rejects (quickly) when it is unreachable. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export function assertTtlSeconds(ttlSeconds: number): void {
  if (!Number.isInteger(ttlSeconds) || ttlSeconds <= 0) {
    throw new RangeError(`KV: ttlSeconds deve ser um inteiro positivo (recebido ${ttlSeconds})`);
  }
}

export function assertLimit(limit: number): void {
  if (!Number.isInteger(limit) || limit < 0) {
    throw new RangeError(`KV: limit deve ser um inteiro >= 0 (recebido ${limit})`);
  }
}
