// Answers "can this instance serve?" by pinging the database and the KV in parallel, each bounded
// by a timeout, so /api/health answers quickly even when a connection hangs instead of failing.
import type { DbDriver, KvDriver } from "@/lib/env";

export type HealthPart = "db" | "kv";

/** Anything with a driver name and a ping that rejects when the service cannot answer. */
export interface Pingable<Driver extends string> {
  driver: Driver;
  ping(): Promise<unknown>;
}

export type HealthReport =
  | { ok: true; db: DbDriver; kv: KvDriver }
  | {
      ok: false;
      db: DbDriver;
      kv: KvDriver;
      failing: HealthPart[];
      error: { code: "service_unavailable"; message: string };
    };

export type PingFailure = { part: HealthPart; driver: string; reason: string };

export type CheckHealthOptions = {
  timeoutMs?: number;
  /** Called once per failing part with the raw reason, which the public report leaves out. */
  onFailure?: (failure: PingFailure) => void;
};

const PART_LABELS: Record<HealthPart, string> = { db: "banco de dados", kv: "cache (KV)" };

class PingTimeout extends Error {}

async function pingWithin(target: Pingable<string>, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PingTimeout(`sem resposta em ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    // ping() may throw synchronously (a driver that fails while opening); treat it like a rejection.
    await Promise.race([Promise.resolve().then(() => target.ping()), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

// drizzle wraps driver errors ("Failed query: select 1"); the cause says what actually went wrong.
function rawReason(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  return err.cause instanceof Error ? `${err.message} (${err.cause.message})` : err.message;
}

function describeFailure(part: HealthPart, driver: string, err: unknown): string {
  const what = `${PART_LABELS[part]} (${driver})`;
  return err instanceof PingTimeout ? `${what} não respondeu a tempo` : `${what} não respondeu`;
}

/** Pings both services at once; `ok` only when both answer within `timeoutMs` (default 2 s). */
export async function checkHealth(
  { db, kv }: { db: Pingable<DbDriver>; kv: Pingable<KvDriver> },
  { timeoutMs = 2_000, onFailure }: CheckHealthOptions = {},
): Promise<HealthReport> {
  const targets = [
    ["db", db],
    ["kv", kv],
  ] as const;
  const results = await Promise.allSettled(targets.map(([, target]) => pingWithin(target, timeoutMs)));

  const failing: HealthPart[] = [];
  const messages: string[] = [];
  results.forEach((result, i) => {
    if (result.status === "fulfilled") return;
    const [part, target] = targets[i]!;
    failing.push(part);
    messages.push(describeFailure(part, target.driver, result.reason));
    onFailure?.({ part, driver: target.driver, reason: rawReason(result.reason) });
  });

  if (failing.length === 0) return { ok: true, db: db.driver, kv: kv.driver };
  return {
    ok: false,
    db: db.driver,
    kv: kv.driver,
    failing,
    error: { code: "service_unavailable", message: `Serviço indisponível: ${messages.join("; ")}.` },
  };
}
