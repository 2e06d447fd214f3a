// Dropping a KV entry after a write, best effort: a KV failure is logged and reported as false,
// never thrown, because Postgres holds the truth and the entry's TTL bounds how long it can lie.
import { log } from "@/lib/log";
import type { Kv } from "./types";

/** Drops a cached entry after a write. Returns false (and logs) when the KV could not be reached. */
export async function invalidate(kv: Kv, key: string | { key: string }): Promise<boolean> {
  const k = typeof key === "string" ? key : key.key;
  try {
    await kv.del(k);
    return true;
  } catch (err) {
    // The entry then lives until its TTL; Postgres stays the truth.
    log.warn("kv.invalidate_failed", { key: k, driver: kv.driver, error: errorMessage(err) });
    return false;
  }
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
