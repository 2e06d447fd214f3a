// Picks the KV adapter for a driver, and holds the process-wide instance built from env.
import { env, type KvDriver } from "@/lib/env";
import { createMemoryKv } from "./memory-kv";
import { createRedisKv } from "./redis-kv";
import type { Kv } from "./types";
import { createVercelKv } from "./vercel-kv";

export type { Kv, KvDriver } from "./types";

export interface CreateKvOptions {
  driver: KvDriver;
  redisUrl?: string;
  restUrl?: string;
  restToken?: string;
  /** Memory driver only: the clock TTLs are measured against (ms since epoch). */
  now?: () => number;
  /** Redis and Vercel KV: upper bound for connecting and for each command, in ms. */
  timeoutMs?: number;
}

export function createKv(options: CreateKvOptions): Kv {
  switch (options.driver) {
    case "memory":
      return createMemoryKv({ now: options.now });
    case "redis":
      if (!options.redisUrl) throw new Error("KV: redisUrl é obrigatória para o driver redis");
      return createRedisKv({ url: options.redisUrl, timeoutMs: options.timeoutMs });
    case "vercel-kv":
      if (!options.restUrl || !options.restToken) {
        throw new Error("KV: restUrl e restToken são obrigatórios para o driver vercel-kv");
      }
      return createVercelKv({ url: options.restUrl, token: options.restToken, timeoutMs: options.timeoutMs });
  }
}

// On globalThis so Next.js dev reloads reuse one connection (and one memory store).
const globalForKv = globalThis as typeof globalThis & { __lastroKv?: Kv };

export function getKv(): Kv {
  globalForKv.__lastroKv ??= createKv(env.kv);
  return globalForKv.__lastroKv;
}
