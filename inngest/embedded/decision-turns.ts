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

/** Decisions that run together: one (anything urgent, any retry) or a batch of routine ones (agents/orquestrador/decide-batch.ts). */
export type DecisionTurn = { requests: DecisionRequest[]; attempt: number };

/** Below `alta`: a warm or cold lead's event, whose decision almost never writes a message. */
const ROUTINE_RANK = URGENCY_RANK.media * 1000;

export class DecisionTurns {
  /** Sorted by (rank, seq): the next decision to run is the first whose broker is free. */
  private readonly pending: Pending[] = [];
  private readonly busy = new Set<string>();
  private running = 0;
  private seq = 0;

  /**
   * `batch`: how many routine first attempts one turn may take (1 = none batched). A batch holds each
   * of its brokers, so no other decision of theirs runs beside it.
   */
  constructor(
    private readonly concurrency: number,
    private readonly batch = 1,
  ) {
    if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error("concurrency must be an integer ≥ 1");
    if (!Number.isInteger(batch) || batch < 1) throw new Error("batch must be an integer ≥ 1");
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

  /** The turns that may start now, counted as running (with their brokers) until `done`. */
  take(): DecisionTurn[] {
    const out: DecisionTurn[] = [];
    for (let i = 0; i < this.pending.length && this.running < this.concurrency;) {
      const first = this.pending[i]!;
      if (this.busy.has(brokerKey(first.request.corretorId))) {
        i++;
        continue;
      }
      this.pending.splice(i, 1);
      const turn = [first];
      const mine = new Set([brokerKey(first.request.corretorId)]);
      // Routine entries sort after every urgent one: the rest of the batch lies further on.
      for (let j = i; this.batchable(first) && j < this.pending.length && turn.length < this.batch;) {
        const next = this.pending[j]!;
        const key = brokerKey(next.request.corretorId);
        if (!this.batchable(next) || (this.busy.has(key) && !mine.has(key))) {
          j++;
          continue;
        }
        this.pending.splice(j, 1);
        turn.push(next);
        mine.add(key);
      }
      for (const key of mine) this.busy.add(key);
      this.running++;
      out.push({ requests: turn.map((e) => e.request), attempt: first.attempt });
    }
    return out;
  }

  done(turn: DecisionTurn): void {
    for (const r of turn.requests) this.busy.delete(brokerKey(r.corretorId));
    this.running--;
  }

  /** Forgets what waits (the runner stops; Postgres still holds every undecided event); how many. */
  clear(): number {
    const n = this.pending.length;
    this.pending.length = 0;
    return n;
  }

  private batchable(entry: Pending): boolean {
    return this.batch > 1 && entry.attempt === 0 && entry.rank >= ROUTINE_RANK;
  }
}
