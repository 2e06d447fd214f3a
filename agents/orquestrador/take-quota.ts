// The broker's daily quota (seed: MAX_MENSAGENS_DIA = 5, `mensagens_dia:{corretor}_{dia}`): an
// atomic "increment if below" in KV; when KV fails, a count of today's rows under a per-broker lock.
// A counter that starts the day fresh in KV (the first slot, or a KV that lost its keys: the
// in-memory store on every restart, a Redis restarted without persistence) is caught up with the
// slots today's committed rows already used, so a restart never doubles a broker's day.
import { TZDate } from "@date-fns/tz";
import { addDays, startOfDay } from "date-fns";
import type { Db } from "@/lib/db/client";
import { countMensagensUsingQuota, lockCorretorQuota } from "@/lib/db/queries/mensagens-quota";
import { kvKeys, SAO_PAULO_TZ } from "@/lib/kv/keys";
import type { Kv } from "@/lib/kv/types";
import { log } from "@/lib/log";

export type QuotaSlot = {
  allowed: boolean;
  /** Where the slot was counted. A Postgres slot is the message row itself: nothing to give back. */
  via: "kv" | "postgres";
  /** Slots used today including this one (when allowed). */
  count: number;
  /** Returns a KV slot whose message was not committed; a no-op otherwise. Safe to call twice. */
  giveBack(): Promise<void>;
};

export type TakeQuotaDeps = { tx: Db; kv: Kv; now: Date };

/** The São Paulo day containing `at`, as [start, end) instants — the same day as the KV key's. */
export function quotaDayBounds(at: Date): { start: Date; end: Date } {
  const start = startOfDay(new TZDate(at.getTime(), SAO_PAULO_TZ));
  return { start: new Date(start.getTime()), end: new Date(addDays(start, 1).getTime()) };
}

const noop = async () => undefined;

/**
 * Takes one slot of today's quota. Must run inside the transaction that then writes the message
 * row: the Postgres fallback counts committed rows under a lock held until that transaction ends,
 * so concurrent fallbacks for one broker see each other's rows.
 */
export async function takeQuota(
  deps: TakeQuotaDeps,
  corretor: { id: string; limiteDiario: number },
): Promise<QuotaSlot> {
  const entry = kvKeys.mensagensDia(corretor.id, deps.now);
  try {
    let { allowed, count } = await deps.kv.incrementIfBelow(entry.key, corretor.limiteDiario, entry.ttlSeconds);
    if (allowed && count === 1) ({ allowed, count } = await catchUpFreshCounter(deps, corretor, entry));
    if (!allowed) return { allowed, via: "kv", count, giveBack: noop };
    let given = false;
    return {
      allowed,
      via: "kv",
      count,
      async giveBack() {
        if (given) return;
        given = true;
        await giveBackQuotaSlot(deps.kv, corretor.id, deps.now);
      },
    };
  } catch (err) {
    log.warn("quota.kv_unavailable", { corretorId: corretor.id, error: String(err) });
    await lockCorretorQuota(deps.tx, corretor.id);
    const { start, end } = quotaDayBounds(deps.now);
    const used = await countMensagensUsingQuota(deps.tx, corretor.id, start, end);
    const allowed = used < corretor.limiteDiario;
    return { allowed, via: "postgres", count: allowed ? used + 1 : used, giveBack: noop };
  }
}

/**
 * The counter was just created (or had been given back to 0): adds the slots today's committed rows
 * hold, one bounded increment at a time (at most the daily limit, once a day per broker). When they
 * already fill the day, the counter stays full and the answer is no.
 */
async function catchUpFreshCounter(
  deps: TakeQuotaDeps,
  corretor: { id: string; limiteDiario: number },
  entry: { key: string; ttlSeconds: number },
): Promise<{ allowed: boolean; count: number }> {
  const { start, end } = quotaDayBounds(deps.now);
  const used = await countMensagensUsingQuota(deps.tx, corretor.id, start, end);
  let count = 1;
  for (let i = 0; i < used; i++) {
    const step = await deps.kv.incrementIfBelow(entry.key, corretor.limiteDiario, entry.ttlSeconds);
    count = step.count;
    if (!step.allowed) return { allowed: false, count };
  }
  return { allowed: true, count };
}

/**
 * Returns a KV slot counted for the São Paulo day of `usedAt`, for a message that will not go out
 * after all (uncommitted, or cancelled). A past day's counter no longer limits anything.
 */
export async function giveBackQuotaSlot(kv: Kv, corretorId: string, usedAt: Date): Promise<void> {
  await kv.decrement(kvKeys.mensagensDia(corretorId, usedAt).key).catch((err: unknown) => {
    // Lost slot: the broker gets one message fewer today, never one more.
    log.warn("quota.give_back_failed", { corretorId, error: String(err) });
  });
}

// A manager's override counts past any limit: the counter only needs a ceiling for its API.
const OVERRIDE_CEILING = 1_000_000;

/**
 * Counts one slot of today's quota whatever the limit: a manager sending a held alert now. The
 * broker goes over the limit on purpose, and the count says by how much. Call it before moving the
 * message row out of `retida_cota`, inside that transaction; give the slot back if the move loses.
 */
export async function takeQuotaOverride(deps: TakeQuotaDeps, corretorId: string): Promise<QuotaSlot> {
  const entry = kvKeys.mensagensDia(corretorId, deps.now);
  try {
    let { count } = await deps.kv.incrementIfBelow(entry.key, OVERRIDE_CEILING, entry.ttlSeconds);
    if (count === 1) {
      // A fresh counter would let the broker's next alerts through as if the day were empty.
      ({ count } = await catchUpFreshCounter(deps, { id: corretorId, limiteDiario: OVERRIDE_CEILING }, entry));
    }
    let given = false;
    return {
      allowed: true,
      via: "kv",
      count,
      async giveBack() {
        if (given) return;
        given = true;
        await giveBackQuotaSlot(deps.kv, corretorId, deps.now);
      },
    };
  } catch (err) {
    log.warn("quota.kv_unavailable", { corretorId, error: String(err) });
    await lockCorretorQuota(deps.tx, corretorId);
    const { start, end } = quotaDayBounds(deps.now);
    const used = await countMensagensUsingQuota(deps.tx, corretorId, start, end);
    return { allowed: true, via: "postgres", count: used + 1, giveBack: noop };
  }
}
