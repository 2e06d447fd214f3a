// Which of the Orquestrador's pending decisions runs next in the embedded runner. A burst of leads
// used to start every broker's decision at once: they all queued for the same few database
// connections, and a hot lead's alert waited behind the cold leads that arrived before it. Now a few
// decisions run at a time, the most urgent first (the event's urgência, then the lead's score, then
// arrival), and never two of one broker at once, so a broker's daily quota is never raced.
import { URGENCIAS, type Urgencia } from "@/lib/db/schema";

export type DecisionRequest = {
  eventoId: string;
  corretorId: string | null;
  /** From the event; unknown (an older trigger, a sweep) ranks as `media`. */
  urgencia?: Urgencia | null;
  /** The lead's score, 0–100: breaks ties within one urgência. */
  score?: number | null;
};

type Pending = { request: DecisionRequest; attempt: number; rank: number; seq: number };

const URGENCY_RANK: Record<Urgencia, number> = Object.fromEntries(
  URGENCIAS.map((u, i) => [u, URGENCIAS.length - 1 - i]),
) as Record<Urgencia, number>;

/** Lower runs first: urgência (crítica first), then a higher score. */
export function decisionRank(request: Pick<DecisionRequest, "urgencia" | "score">): number {
  const urgency = request.urgencia ? URGENCY_RANK[request.urgencia] : URGENCY_RANK.media;
  const score = Math.min(100, Math.max(0, Math.round(request.score ?? 0)));
  return urgency * 1000 + (100 - score);
}

const brokerKey = (corretorId: string | null) => corretorId ?? "sem";

export class DecisionTurns {
  /** Sorted by (rank, seq): the next decision to run is the first whose broker is free. */
  private readonly pending: Pending[] = [];
  private readonly busy = new Set<string>();
  private seq = 0;

  constructor(private readonly concurrency: number) {
    if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error("concurrency must be an integer ≥ 1");
  }

  get waiting(): number {
    return this.pending.length;
  }

  push(request: DecisionRequest, attempt: number): void {
    const entry = { request, attempt, rank: decisionRank(request), seq: this.seq++ };
    // Binary search for the first entry that sorts after this one (equal ranks keep arrival order).
    let lo = 0;
    let hi = this.pending.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.pending[mid]!.rank <= entry.rank) lo = mid + 1;
      else hi = mid;
    }
    this.pending.splice(lo, 0, entry);
  }

  /** The decisions that may start now, counted as running until `done` with their broker. */
  take(): { request: DecisionRequest; attempt: number }[] {
    const out: { request: DecisionRequest; attempt: number }[] = [];
    for (let i = 0; i < this.pending.length && this.busy.size < this.concurrency;) {
      const key = brokerKey(this.pending[i]!.request.corretorId);
      if (this.busy.has(key)) {
        i++;
        continue;
      }
      const [entry] = this.pending.splice(i, 1);
      this.busy.add(key);
      out.push({ request: entry!.request, attempt: entry!.attempt });
    }
    return out;
  }

  done(corretorId: string | null): void {
    this.busy.delete(brokerKey(corretorId));
  }

  /** Forgets what waits (the runner stops; Postgres still holds every undecided event); how many. */
  clear(): number {
    const n = this.pending.length;
    this.pending.length = 0;
    return n;
  }
}
