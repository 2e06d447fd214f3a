// Whose turn it is between the runner's urgent work (decisions, the model's writes, sends) and the
// conversation analyses (analysis + reply draft, several model calls per lead). A burst of leads is
// decided and alerted first; analyses start when nothing urgent waits, a few at a time, and one that
// waited too long under a steady stream still goes, one at a time.

export type AnalysisLimits = { concurrency: number; maxWaitMs: number };

type Waiting = { attempt: number; since: number };

export class AnalysisTurns {
  /** By lead, oldest first (a Map keeps insertion order); a lead waits once, whatever triggered it. */
  private readonly waiting = new Map<string, Waiting>();
  private urgent = 0;
  private running = 0;

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
      if (this.urgent > 0 && !(overdue && this.running === 0)) break;
      this.waiting.delete(leadId);
      this.running++;
      out.push({ leadId, attempt: w.attempt });
    }
    return out;
  }
}
