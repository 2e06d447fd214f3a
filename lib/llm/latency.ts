// How fast the model has written messages lately, per process. A hot lead's alert asks it before calling:
// when the model has rarely answered within the time the alert has left, the call is not made. An
// aborted call is still billed by the provider, and its work slows the decisions queued behind it.
// Samples age out, so a model that was slow is tried again a few minutes later.

export type LatencyWindowOptions = {
  /** Samples older than this say nothing about the model now. */
  maxAgeMs: number;
  maxSamples: number;
  /** Fewer samples than this that can speak to a budget: no opinion (the call is made). */
  minSamples: number;
};

export const LATENCY_WINDOW_DEFAULTS: LatencyWindowOptions = { maxAgeMs: 5 * 60_000, maxSamples: 100, minSamples: 8 };

type Sample = { at: number; ms: number; answered: boolean };

export class LatencyWindow {
  private readonly samples: Sample[] = [];

  constructor(
    private readonly options: LatencyWindowOptions = LATENCY_WINDOW_DEFAULTS,
    private readonly clock: () => number = Date.now,
  ) {
    if (options.minSamples < 1 || options.maxSamples < options.minSamples || options.maxAgeMs <= 0)
      throw new Error("janela de latência inválida");
  }

  /** An answer after `ms`. */
  answered(ms: number): void {
    this.push({ at: this.clock(), ms, answered: true });
  }

  /** No answer within `ms` (the call's timeout): the model takes at least that long. */
  timedOut(ms: number): void {
    this.push({ at: this.clock(), ms, answered: false });
  }

  /**
   * The share of recent calls that answered within `budgetMs`, or null when too few can tell. A
   * timeout shorter than the budget cannot tell whether the model would have made it, so it is left out.
   */
  chanceWithin(budgetMs: number): number | null {
    this.dropOld();
    let within = 0;
    let known = 0;
    for (const s of this.samples) {
      if (s.answered) {
        known++;
        if (s.ms <= budgetMs) within++;
      } else if (s.ms >= budgetMs) known++;
    }
    return known < this.options.minSamples ? null : within / known;
  }

  private push(sample: Sample): void {
    if (!Number.isFinite(sample.ms) || sample.ms < 0) return;
    this.samples.push(sample);
    if (this.samples.length > this.options.maxSamples) this.samples.shift();
  }

  private dropOld(): void {
    const oldest = this.clock() - this.options.maxAgeMs;
    while (this.samples.length > 0 && this.samples[0]!.at < oldest) this.samples.shift();
  }
}
