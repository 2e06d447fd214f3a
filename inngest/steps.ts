// The pipeline's steps, the same for Inngest and the embedded runner: each is idempotent because
// Postgres says what is done (eventos.processado, mensagens.status), so running one twice is safe.
// Sending a row is the Conselheiro's sendMensagem itself (it claims the row first).
import { analyzeInteracoes } from "@/agents/analista/analyze-interacoes";
import { UNCONFIRMED } from "@/agents/conselheiro/send/send-policy";
import { flushAgrupamentos } from "@/agents/orquestrador/flush-agrupamentos";
import { decidida, processEvento, type OrquestradorDeps } from "@/agents/orquestrador/process-evento";
import { releaseScheduled } from "@/agents/orquestrador/release-scheduled";
import { sweepSla } from "@/agents/vigilante/sla/sweep-sla";
import { sweepFollowUps } from "@/agents/vigilante/follow-up/sweep-follow-ups";
import { sweepVisitas } from "@/agents/vigilante/visitas/sweep-visitas";
import { watchPortais } from "@/agents/vigilante/portal-silencioso/watch-portais";
import { watchOperacao } from "@/agents/vigilante/operacao/watch-operacao";
import { log } from "@/lib/log";
import { listUnprocessedEventos } from "@/lib/db/queries/eventos";
import { escreverRascunhosPendentes } from "@/agents/conselheiro/rascunho/rascunhos-pendentes";
import { getMensagemById, listSendableIds, requeueStaleEnviando } from "@/lib/db/queries/mensagens";
import type { MensagemParaEscrita } from "@/lib/db/queries/mensagens-escrita";
import type { MessageSend } from "@/agents/pipeline-events";
import type { PipelineDeps } from "./deps";

export type SendRequest = MessageSend;

/** Orquestrador for one event; returns the messages to send now. */
export async function orchestrate(deps: OrquestradorDeps, eventoId: string): Promise<SendRequest[]> {
  return (await orchestrateInProcess(deps, eventoId)).map((d) => d.send);
}

/** A message to send now and, when this run wrote it, its row for the model's turn in this process. */
export type DecidedSend = { send: SendRequest; linha?: MensagemParaEscrita };

/** orchestrate for a runner that keeps the rows in memory (the embedded runner's write job reads none). */
export async function orchestrateInProcess(deps: OrquestradorDeps, eventoId: string): Promise<DecidedSend[]> {
  const result = await processEvento(deps, eventoId);
  // This run's rows come back as committed; an earlier run's decision (a retry) is read again.
  const rows =
    result.mensagens ??
    (await Promise.all(result.mensagemIds.map((id) => getMensagemById(deps.db, id)))).flatMap((m) =>
      m ? [decidida(m)] : [],
    );
  return rows
    .filter((m) => m.status === "pendente")
    .map((m) => ({
      send: {
        mensagemId: m.id,
        corretorId: m.corretorId,
        ...(result.requestId ? { requestId: result.requestId } : {}),
        ...(m.textoPronto ? { textoPronto: true } : {}),
      },
      ...(m.linha ? { linha: m.linha } : {}),
    }));
}

export type SweepOptions = {
  /**
   * Evaluate the operator's alerts (default true). An in-process runner skips them on its first sweep
   * after start: that sweep drains what the downtime left, which is no incident of the running system.
   */
  alertas?: boolean;
  /** Events younger than this are left to their own dispatch. */
  eventGraceMs: number;
  /** A row `enviando` for longer than this belongs to a dead worker. */
  sendLeaseMs: number;
};

export const DEFAULT_SWEEP: SweepOptions = { eventGraceMs: 30_000, sendLeaseMs: 120_000 };

/**
 * What a crash, a lost dispatch or the clock left to do: undecided events, stale claims, due
 * scheduled messages, closed grouping windows, the first-response SLA chain's due steps, portals gone
 * quiet, and every message now sendable. First the operator's alerts (latency, error rate, Redis,
 * backlog): a later step failing (Redis down) must not keep them from being recorded.
 */
export async function sweep(deps: PipelineDeps, options: SweepOptions = DEFAULT_SWEEP) {
  const now = deps.now();
  const operacao =
    options.alertas === false
      ? null
      : await watchOperacao(deps).catch((err: unknown) => {
          log.error("vigilante.operacao_failed", { error: String(err) });
          return null;
        });
  const followUps = await sweepFollowUps(deps); // new events, decided below with the rest
  const eventos = await listUnprocessedEventos(deps.db, new Date(now.getTime() - options.eventGraceMs));
  const requeued = await requeueStaleEnviando(deps.db, new Date(now.getTime() - options.sendLeaseMs), UNCONFIRMED, now);
  const released = await releaseScheduled(deps);
  const flushed = await flushAgrupamentos(deps);
  const sla = await sweepSla(deps);
  await sweepVisitas(deps); // what it writes to send now is among `sends` below
  const portais = await watchPortais(deps); // its admin messages are among the sendable rows below
  const sends = await listSendableIds(deps.db, deps.now());
  return {
    eventos: [
      ...eventos.map((e) => ({
        eventoId: e.id,
        leadId: e.leadId,
        imobiliariaId: e.imobiliariaId,
        corretorId: e.corretorId,
        urgencia: e.urgencia,
        score: e.score,
      })),
      // A follow-up is routine: it takes its turn as `media` (inngest/embedded/decision-turns.ts).
      ...followUps.map((f) => ({ ...f, urgencia: null, score: null })),
    ],
    sends: sends.map((s) => ({ mensagemId: s.id, corretorId: s.corretorId })),
    counts: {
      requeued: requeued.length,
      released: released.liberadas.length,
      digests: flushed.mensagemIds.length,
      sla: sla.mensagemIds.length,
      portais: portais.mensagens,
      operacao: operacao?.mensagens ?? 0,
    },
  };
}

/**
 * Leads whose conversation (analysis + reply draft, model calls each) is read at once, in either
 * runner: a burst's decisions and sends must not queue behind hundreds of analyses.
 */
export const ANALYZE_CONCURRENCY = 8;

/**
 * Interações no trigger reached (a lost dispatch, rows from before the analyzer): a bounded batch
 * per sweep, so a backlog drains over a few sweeps without holding one up. With a model, also the
 * reply drafts a lost analysis turn did not write (rascunhos-pendentes.ts).
 */
export async function analyzeBacklog(deps: Pick<PipelineDeps, "db" | "now" | "analyzer" | "llm">, limit = 200) {
  const analise = await analyzeInteracoes(deps, { limit });
  const rascunhos = deps.llm ? await escreverRascunhosPendentes({ ...deps, llm: deps.llm }) : 0;
  return { ...analise, rascunhos };
}
