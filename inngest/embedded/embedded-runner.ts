// The pipeline without Inngest: the same steps run in this process after the response. Decisions
// take turns, a few at a time, the most urgent first and one per broker (so the quota is never
// raced); sends share a throttle below Twilio's limit; failures retry with backoff; a timer sweeps
// what was missed.
// Reading conversations (analysis, reply draft) waits its turn: it starts only when no decision,
// write or send is queued, a few at a time, so a burst of leads is decided and alerted first.
// Nothing lives only in memory: a crash loses the queue, and the next sweep rebuilds it from Postgres.
import { withRequestId } from "@/lib/request-context";
import { sendMensagem } from "@/agents/conselheiro/send/send-mensagem";
import { log } from "@/lib/log";
import { listUnprocessedEventos } from "@/lib/db/queries/eventos";
import type { PipelineDeps } from "../deps";
import { analyzeInteracoes } from "@/agents/analista/analyze-interacoes";
import { escreverRascunho } from "@/agents/conselheiro/rascunho/escrever-rascunho";
import { modelTurnFor } from "@/agents/conselheiro/send/write-with-model";
import type { Escrita } from "@/lib/db/queries/mensagens";
import type { MensagemParaEscrita } from "@/lib/db/queries/mensagens-escrita";
import {
  ANALYZE_CONCURRENCY,
  analyzeBacklog,
  DEFAULT_SWEEP,
  orchestrateInProcess,
  sweep,
  type SendRequest,
  type SweepOptions,
} from "../steps";
import { queueSummaries } from "../summaries-step";
import { applyRetention } from "@/lib/privacy/retention";
import { AnalysisTurns } from "./analysis-turns";
import { DecisionTurns, type DecisionRequest } from "./decision-turns";
import { decideBatch, MAX_BATCH } from "@/agents/orquestrador/decide-batch";

export type EmbeddedRunnerOptions = {
  sweepEveryMs: number;
  sweep: SweepOptions;
  /** Twilio allows 100 messages/s per account (seed); stay under it. */
  sendsPerSecond: number;
  maxAttempts: number;
  retryBaseMs: number;
  /**
   * Worker mode (PIPELINE_MODE=worker): nothing dispatches to this process, so it looks for
   * undecided events itself this often. Unset in the web process, where dispatch() feeds it.
   */
  pollEventsEveryMs?: number;
  /**
   * Queue the due daily/weekly summaries on each sweep (inngest/summaries-step.ts). On in the
   * server and the worker; off by default so tests and benchmarks see only the messages they cause.
   */
  resumos?: boolean;
  /** The Orquestrador's decisions running at once (each a few database round trips), the most urgent first. */
  decideConcurrency: number;
  /** Routine decisions (warm and cold leads) one turn may take together, in two round trips (decide-batch.ts). */
  decideBatch: number;
  /** Analyses (analysis + reply draft) running at once; they start only when no decision, write or send waits. */
  analyzeConcurrency: number;
  /** An analysis waiting this long runs even under a steady stream of sends, one at a time: it is never starved. */
  analyzeMaxWaitMs: number;
  /** Analyses start only once no decision, write or send has been queued for this long (a burst is over). */
  analyzeQuietMs: number;
};

/** How often `npm run worker` looks for undecided events. */
export const WORKER_POLL_MS = 250;
/**
 * The most urgent undecided events a poll reads. Under a backlog the rest are already queued or can
 * wait (urgency orders the read, so a hot lead is always among them); reading hundreds of queued ones
 * four times a second only slowed the decisions that would clear the backlog.
 */
const POLL_LIMIT = 100;

export const DEFAULT_RUNNER_OPTIONS: EmbeddedRunnerOptions = {
  sweepEveryMs: 30_000,
  sweep: DEFAULT_SWEEP,
  sendsPerSecond: 80,
  maxAttempts: 5,
  retryBaseMs: 1_000,
  decideConcurrency: 4,
  decideBatch: MAX_BATCH,
  analyzeConcurrency: ANALYZE_CONCURRENCY,
  analyzeMaxWaitMs: 30_000,
  analyzeQuietMs: 500,
};

type Job =
  | ({ kind: "orchestrate" } & DecisionRequest)
  /** `escrita`: the model's turn, taken by the write job, saved with the claim. */
  | { kind: "send"; mensagemId: string; lane: string; requestId?: string; escrita?: Escrita | null }
  /**
   * The model's turn at a message, in its own lane: a broker's sends never queue behind a slow model.
   * `linha`: the row as the decision wrote it, so the turn reads nothing.
   */
  | {
      kind: "write";
      mensagemId: string;
      corretorId: string | null;
      lane: string;
      requestId?: string;
      linha?: MensagemParaEscrita;
    }
  | { kind: "analyze"; leadId: string; lane: string };

export class EmbeddedRunner {
  private readonly lanes = new Map<string, Promise<void>>();
  private readonly queued = new Set<string>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly analyses: AnalysisTurns;
  private readonly decisions: DecisionTurns;
  private sweepTimer: NodeJS.Timeout | null = null;
  private pollTimer: NodeJS.Timeout | null = null;
  /** Wakes the waiting analyses once a burst is over (AnalysisTurns.quietWaitMs). */
  private quietTimer: NodeJS.Timeout | null = null;
  private polling = false;
  private sendWindow: number[] = [];
  private stopped = false;
  /** Sweeps run since start: the first skips the operator's alerts (steps.ts, SweepOptions.alertas). */
  private sweepsDone = 0;

  constructor(
    private readonly deps: PipelineDeps,
    private readonly options: EmbeddedRunnerOptions = DEFAULT_RUNNER_OPTIONS,
  ) {
    this.decisions = new DecisionTurns(options.decideConcurrency, options.decideBatch);
    this.analyses = new AnalysisTurns({
      concurrency: options.analyzeConcurrency,
      maxWaitMs: options.analyzeMaxWaitMs,
      quietMs: options.analyzeQuietMs,
    });
  }

  start(): void {
    this.stopped = false;
    void this.runSweep();
    this.sweepTimer = setInterval(() => void this.runSweep(), this.options.sweepEveryMs);
    this.sweepTimer.unref();
    if (this.options.pollEventsEveryMs) {
      this.pollTimer = setInterval(() => void this.pollEventos(), this.options.pollEventsEveryMs);
      this.pollTimer.unref();
    }
  }

  /** Enqueues undecided events no lane holds yet; one poll at a time. */
  async pollEventos(): Promise<number> {
    if (this.stopped || this.polling) return 0;
    this.polling = true;
    try {
      const found = await listUnprocessedEventos(this.deps.db, this.deps.now(), POLL_LIMIT);
      const fresh = found.filter((e) => !this.queued.has(`evt:${e.id}`));
      for (const e of fresh) {
        this.enqueueEvento({ eventoId: e.id, corretorId: e.corretorId, urgencia: e.urgencia, score: e.score });
        if (e.leadId) this.enqueueAnalise(e.leadId);
      }
      return fresh.length;
    } catch (err) {
      log.warn("pipeline.poll_failed", { error: String(err) });
      return 0;
    } finally {
      this.polling = false;
    }
  }

  /** Stops taking work; running steps finish (each is one transaction or one claimed send). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    if (this.pollTimer) clearInterval(this.pollTimer);
    if (this.quietTimer) clearTimeout(this.quietTimer);
    this.quietTimer = null;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    for (let n = this.decisions.clear(); n > 0; n--) this.analyses.urgentDone();
    await Promise.allSettled([...this.inFlight]);
  }

  /** Resolves when nothing is queued or running (tests, graceful shutdown). */
  async idle(): Promise<void> {
    for (;;) {
      this.startAnalyses();
      if (this.inFlight.size > 0) {
        await Promise.allSettled([...this.inFlight]);
        continue;
      }
      const quiet = this.analyses.quietWaitMs();
      if (quiet === null) return;
      await new Promise((r) => setTimeout(r, quiet));
    }
  }

  /** `urgencia` and `score` set its turn; without them (a sweep, an older trigger) it ranks as `media`. */
  enqueueEvento(request: DecisionRequest): void {
    this.enqueue({ kind: "orchestrate", ...request }, 0);
  }

  enqueueSend(req: SendRequest, linha?: MensagemParaEscrita): void {
    if (this.deps.llm && !req.textoPronto) {
      const lane = `escrita:${req.mensagemId}`;
      this.enqueue(
        {
          kind: "write",
          mensagemId: req.mensagemId,
          corretorId: req.corretorId,
          lane,
          requestId: req.requestId,
          linha,
        },
        0,
      );
      return;
    }
    this.enqueue(
      { kind: "send", mensagemId: req.mensagemId, lane: `envio:${req.corretorId ?? "sem"}`, requestId: req.requestId },
      0,
    );
  }

  /** The ConversationAnalyzer for a lead's new interações, in its own lane (never a broker's), when its turn comes. */
  enqueueAnalise(leadId: string): void {
    this.enqueue({ kind: "analyze", leadId, lane: `analise:${leadId}` }, 0);
  }

  async runSweep(): Promise<void> {
    if (this.stopped) return;
    try {
      const found = await sweep(this.deps, { ...this.options.sweep, alertas: this.sweepsDone++ > 0 });
      for (const e of found.eventos)
        this.enqueueEvento({ eventoId: e.eventoId, corretorId: e.corretorId, urgencia: e.urgencia, score: e.score });
      for (const s of found.sends) this.enqueueSend(s);
      if (found.eventos.length || found.sends.length)
        log.info("pipeline.sweep", { eventos: found.eventos.length, envios: found.sends.length, ...found.counts });
      if (this.options.resumos) for (const s of (await queueSummaries(this.deps)).sends) this.enqueueSend(s);
      await analyzeBacklog(this.deps);
      // The process that sends the summaries owns the daily jobs; the trail marks each agency's day.
      if (this.options.resumos) {
        const retencao = await applyRetention(this.deps);
        if (retencao.length) log.info("privacidade.retencao", { imobiliarias: retencao.length });
      }
    } catch (err) {
      log.warn("pipeline.sweep_failed", { error: String(err) });
    }
  }

  private jobKey(job: Job): string {
    if (job.kind === "orchestrate") return `evt:${job.eventoId}`;
    if (job.kind === "write") return `escrita:${job.mensagemId}`;
    return job.kind === "send" ? `msg:${job.mensagemId}` : `analise:${job.leadId}`;
  }

  private enqueue(job: Job, attempt: number): void {
    const key = this.jobKey(job);
    if (this.stopped || (attempt === 0 && this.queued.has(key))) return;
    this.queued.add(key);
    if (job.kind === "analyze") {
      // Retries wait their turn too; a lost wait is no loss: the row stays unanalysed for the sweep.
      this.analyses.wait(job.leadId, attempt);
      this.startAnalyses();
      return;
    }
    this.analyses.urgentQueued();
    if (job.kind === "orchestrate") {
      const { kind: _kind, ...request } = job;
      this.decisions.push(request, attempt);
      this.startDecisions();
      return;
    }
    this.run(job, attempt);
  }

  /** Runs a write or send after its lane's earlier jobs, or an analysis in its own lane. */
  private run(job: Exclude<Job, { kind: "orchestrate" }>, attempt: number): void {
    const previous = this.lanes.get(job.lane) ?? Promise.resolve();
    const run = previous.then(() => this.execute(job, attempt));
    this.lanes.set(job.lane, run);
    this.track(run, () => {
      if (this.lanes.get(job.lane) === run) this.lanes.delete(job.lane);
      if (job.kind === "analyze") this.analyses.analysisDone();
      else this.analyses.urgentDone();
    });
  }

  private startDecisions(): void {
    if (this.stopped) return;
    for (const turn of this.decisions.take()) {
      const [only] = turn.requests;
      const work =
        turn.requests.length === 1 && only
          ? this.execute({ kind: "orchestrate", ...only }, turn.attempt)
          : this.executeBatch(turn.requests);
      this.track(work, () => {
        this.decisions.done(turn);
        for (let n = turn.requests.length; n > 0; n--) this.analyses.urgentDone();
        this.startDecisions();
      });
    }
  }

  /**
   * Routine first attempts together (decideBatch); what it hands back runs one by one, as any decision.
   * A failed batch leaves every event undecided: each is retried alone.
   */
  private async executeBatch(requests: DecisionRequest[]): Promise<void> {
    if (this.stopped) return;
    let restantes: Set<string>;
    try {
      restantes = new Set(
        await decideBatch(
          this.deps,
          requests.map((r) => r.eventoId),
        ),
      );
    } catch (err) {
      log.warn("pipeline.lote_falhou", { eventos: requests.length, error: String(err) });
      for (const r of requests) this.later({ kind: "orchestrate", ...r }, 1, this.options.retryBaseMs);
      return;
    }
    for (const r of requests) {
      if (restantes.has(r.eventoId)) await this.execute({ kind: "orchestrate", ...r }, 0);
      else this.queued.delete(`evt:${r.eventoId}`);
    }
  }

  private track(work: Promise<void>, onDone: () => void): void {
    const tracked = work.finally(() => {
      this.inFlight.delete(tracked);
      onDone();
      this.startAnalyses();
    });
    this.inFlight.add(tracked);
  }

  private startAnalyses(): void {
    if (this.stopped) return;
    for (const { leadId, attempt } of this.analyses.take())
      this.run({ kind: "analyze", leadId, lane: `analise:${leadId}` }, attempt);
    const quiet = this.analyses.quietWaitMs();
    if (quiet === null || this.quietTimer) return;
    this.quietTimer = setTimeout(() => {
      this.quietTimer = null;
      this.startAnalyses();
    }, quiet);
    this.quietTimer.unref();
  }

  private later(job: Job, attempt: number, ms: number): void {
    if (this.stopped) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.queued.delete(this.jobKey(job));
      this.enqueue(job, attempt);
    }, ms);
    timer.unref();
    this.timers.add(timer);
  }

  private async execute(job: Job, attempt: number): Promise<void> {
    if (this.stopped) return;
    const key = this.jobKey(job);
    try {
      if (job.kind === "analyze") {
        // Before the read: a note added while this runs queues a fresh pass.
        this.queued.delete(key);
        await analyzeInteracoes(this.deps, { leadId: job.leadId });
        if (this.deps.llm) await escreverRascunho({ ...this.deps, llm: this.deps.llm }, job.leadId);
        return;
      }
      if (job.kind === "orchestrate") {
        const sends = await orchestrateInProcess(this.deps, job.eventoId);
        // Only now: until the decision is committed, a poll must not queue the event again.
        this.queued.delete(key);
        for (const { send, linha } of sends) this.enqueueSend(send, linha);
        return;
      }
      if (job.kind === "write") {
        const deps = { db: this.deps.db, llm: this.deps.llm!, now: this.deps.now };
        const escrita = await withRequestId(job.requestId, () => modelTurnFor(deps, job.mensagemId, job.linha));
        this.queued.delete(key);
        const lane = `envio:${job.corretorId ?? "sem"}`;
        this.enqueue({ kind: "send", mensagemId: job.mensagemId, lane, requestId: job.requestId, escrita }, 0);
        return;
      }
      await this.throttle();
      this.queued.delete(key);
      // With a model, every send job here follows the row's write job (enqueueSend), so the sender does
      // not ask the model again: it saves the write job's answer with its claim, its one statement before Twilio.
      const result = await withRequestId(job.requestId, () =>
        sendMensagem({ ...this.deps, llm: null }, job.mensagemId, job.escrita),
      );
      if (result.outcome === "reagendar") this.later(job, 0, result.retryInMs ?? this.options.retryBaseMs);
    } catch (err) {
      this.queued.delete(key);
      if (attempt + 1 >= this.options.maxAttempts) {
        // Left for the next sweep: the row still says the work is not done.
        log.error("pipeline.step_failed", { job: key, attempts: attempt + 1, error: String(err) });
        return;
      }
      log.warn("pipeline.step_retry", { job: key, attempt: attempt + 1, error: String(err) });
      this.later(job, attempt + 1, this.options.retryBaseMs * 2 ** attempt);
    }
  }

  /** Sliding one-second window shared by every send lane. */
  private async throttle(): Promise<void> {
    for (;;) {
      const now = Date.now();
      this.sendWindow = this.sendWindow.filter((t) => now - t < 1000);
      if (this.sendWindow.length < this.options.sendsPerSecond) {
        this.sendWindow.push(now);
        return;
      }
      await new Promise((r) => setTimeout(r, 1000 - (now - this.sendWindow[0]!)));
    }
  }
}
