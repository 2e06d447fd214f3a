// Whose turn it is between the runner's urgent work (decisions, the model's writes, sends) and the
// conversation analyses (analysis + reply draft, several model calls per lead). A burst of leads is
// decided and alerted first; analyses start when nothing urgent waits and nothing urgent came for
// `quietMs` (under a stream of leads the queue empties between two polls, and an analysis started in
// that gap takes the CPU the next alert needs), a few at a time; one that waited too long under a
// steady stream still goes, one at a time.

export type AnalysisLimits = { concurrency: number; maxWaitMs: number; quietMs?: number };

type Waiting = { attempt: number; since: number };

export class AnalysisTurns {
  /** By lead, oldest first (a Map keeps insertion order); a lead waits once, whatever triggered it. */
  private readonly waiting = new Map<string, Waiting>();
  private urgent = 0;
  private running = 0;
  private lastUrgentAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly limits: AnalysisLimits,
    private readonly now: () => number = Date.now,
  ) {}

  wait(leadId: string, attempt: number): void {
    this.waiting.set(leadId, { attempt, since: this.now() });
  }

  /** A decision, write or send was queued (its lane may still hold it back) … */
  urgentQueued(): void {
    this.urgent++;
    this.lastUrgentAt = this.now();
  }

  /** … and is done, retried later or failed. */
  urgentDone(): void {
    this.urgent--;
  }

  analysisDone(): void {
    this.running--;
  }

  /** The analyses that may start now, counted as running from here. */
  take(): { leadId: string; attempt: number }[] {
    const out: { leadId: string; attempt: number }[] = [];
    for (const [leadId, w] of this.waiting) {
      if (this.running >= this.limits.concurrency) break;
      const overdue = this.now() - w.since >= this.limits.maxWaitMs;
      const calm = this.urgent === 0 && this.quietLeftMs() === 0;
      if (!calm && !(overdue && this.running === 0)) break;
      this.waiting.delete(leadId);
      this.running++;
      out.push({ leadId, attempt: w.attempt });
    }
    return out;
  }

  /**
   * How long until waiting analyses may start because things got quiet, or null when that is not
   * what holds them (nothing waits, all slots are taken, or urgent work is still queued: its end
   * asks again). The runner sets a timer for it.
   */
  quietWaitMs(): number | null {
    if (this.waiting.size === 0 || this.running >= this.limits.concurrency || this.urgent > 0) return null;
    const left = this.quietLeftMs();
    return left > 0 ? left : null;
  }

  private quietLeftMs(): number {
    return Math.max(0, (this.limits.quietMs ?? 0) - (this.now() - this.lastUrgentAt));
  }
}
