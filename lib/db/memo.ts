// A short-lived, per-database memo for rows read on every webhook and every pipeline event
// (the agency, its portal credential) and written rarely. Keyed by the Db handle, so two test
// databases in one process never see each other's rows. Writers in the same process clear it;
// other processes see a change within `ttlMs`.
import type { Db } from "./client";

type Entry<T> = { value: Promise<T>; expiresAt: number };

export type DbMemo<T> = {
  get(db: Db, key: string, load: () => Promise<T>): Promise<T>;
  clear(db: Db): void;
};

export function memoPerDb<T>(ttlMs: number, maxEntries = 1_000): DbMemo<T> {
  if (!(ttlMs > 0)) throw new Error("memoPerDb: ttlMs deve ser positivo");
  const byDb = new WeakMap<Db, Map<string, Entry<T>>>();
  return {
    get(db, key, load) {
      let entries = byDb.get(db);
      if (!entries) byDb.set(db, (entries = new Map()));
      const now = Date.now();
      const hit = entries.get(key);
      if (hit && hit.expiresAt > now) return hit.value;
      if (entries.size >= maxEntries) entries.clear(); // a crude bound; the working set is small
      const value = load();
      entries.set(key, { value, expiresAt: now + ttlMs });
      // A failed read must not be remembered.
      value.catch(() => entries.get(key)?.value === value && entries.delete(key));
      return value;
    },
    clear(db) {
      byDb.get(db)?.clear();
    },
  };
}
