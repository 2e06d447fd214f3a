// Orquestrador(eventoId): load, decide, then ONE transaction writes the message row (if any), the
// quota outcome, `processado = true` and the decision. Re-running a decided event changes nothing.
import { withRequestId } from "@/lib/request-context";
import { hasOptOut } from "@/agents/vigilante/opt-out";
import { templateWriter, type MessageWriter } from "@/agents/conselheiro/compose/templates";
import type { Db } from "@/lib/db/client";
import { getEventoContext, retornoKey, type EventoContext } from "@/lib/db/queries/evento-context";
import type { Evento } from "@/lib/db/queries/eventos";
import { ESCRITA_REGRAS, insertMensagemOnce, type Mensagem } from "@/lib/db/queries/mensagens";
import type { MensagemParaEscrita } from "@/lib/db/queries/mensagens-escrita";
import { recordDecision, recordDecisionOnly } from "@/lib/db/units/record-decision";
import { parseConfiguracoes } from "@/lib/domain/configuracoes-imobiliaria";
import { AppError } from "@/lib/errors";
import { saoPauloDay } from "@/lib/kv/keys";
import type { Kv } from "@/lib/kv/types";
import { log } from "@/lib/log";
import type { Llm } from "@/lib/llm/types";
import { alertClockStart, alertModelTurn } from "@/agents/conselheiro/send/alert-deadline";
import type { Decision } from "./decide";
import { decideWithRepeats, isRepeatInquiry, type Chave } from "./decide-repeat";
import { followUpInput, followUpKey } from "./follow-up-input";
import { loadEventoContext, novoLeadInput, type LoadedEventoContext } from "./load-evento-context";
import { takeQuota, type QuotaSlot } from "./take-quota";

export type OrquestradorDeps = {
  db: Db;
  kv: Kv;
  now: () => Date;
  writer?: MessageWriter;
  /** With a model, a hot alert whose deadline leaves it no turn is written as the template at once. */
  llm?: Pick<Llm, "alertaOrcamentoMs" | "alertaPrazoMs" | "latencia"> | null;
};
/** A message this run wrote, as committed: what the caller sends needs no second read. */
export type MensagemDecidida = Pick<Mensagem, "id" | "status" | "corretorId"> & {
  /** The text is settled (the template, chosen at the decision): no model turn is due. */
  textoPronto: boolean;
  /** The row with its event's detection: the model's turn in this process needs no read of its own. */
  linha?: MensagemParaEscrita;
};
export type ProcessEventoResult = {
  mensagemIds: string[];
  /** Set when this run decided (not when an earlier run had): the rows it wrote. */
  mensagens?: MensagemDecidida[];
  decisao: Decision["acao"] | "cancelado" | "desconhecida";
  /** For `agora`: whether the quota let the alert through or held it (`retida_cota`). */
  cota?: "liberada" | "retida";
  /** The webhook's request id the event carries (metadata.requestId), for the send jobs. */
  requestId?: string;
};

type Decisao = { acao: Decision["acao"]; mensagemIds: string[]; cota?: "liberada" | "retida" };
type Escrita = Decisao & { mensagens: MensagemDecidida[] };

/** What an earlier run recorded in `metadata.decisao`. */
function recordedResult(evento: Evento): ProcessEventoResult {
  const d = (evento.metadata?.decisao ?? null) as Partial<Decisao> | null;
  return {
    mensagemIds: d?.mensagemIds ?? [],
    decisao: d?.acao ?? "desconhecida",
    ...(d?.cota ? { cota: d.cota } : {}),
  };
}

export const alertaKey = (eventoId: string, corretorId: string) => `alerta:${eventoId}:${corretorId}`;
export const visitaKey = (leadId: string, corretorId: string, dia: string) => `visita:${leadId}:${corretorId}:${dia}`;
export { retornoKey };

export async function processEvento(deps: OrquestradorDeps, eventoId: string): Promise<ProcessEventoResult> {
  const now = deps.now();
  const found = await getEventoContext(deps.db, eventoId, { dia: saoPauloDay(now) });
  if (!found) throw new AppError("not_found", `evento ${eventoId} não encontrado`);
  // The rest runs under the webhook's request id: its log lines carry it (lib/request-context.ts).
  const requestId = (found.evento.metadata as { requestId?: unknown } | null)?.requestId;
  if (typeof requestId !== "string") return decideEvento(deps, found, now);
  const result = await withRequestId(requestId, () => decideEvento(deps, found, now));
  return { ...result, requestId };
}

/** What a loaded, undecided event comes to, before anything is written. */
export type PlannedDecision =
  /** Opted out, grouped, summary-only, a repeat with nothing new or no broker: only the decision to record. */
  | { kind: "mark"; decisao: { acao: Decision["acao"] | "cancelado" } & Record<string, string> }
  | { kind: "write"; ctx: LoadedEventoContext; decision: Decision; chave: Chave };

/** The Orquestrador's rules on one event's context, in memory. */
export async function planDecision(
  deps: Pick<OrquestradorDeps, "db">,
  found: EventoContext,
  now: Date,
): Promise<PlannedDecision> {
  const evento = found.evento;
  const ctx = await loadEventoContext(deps.db, found);
  // The person asked not to be contacted: nothing about them goes to a broker (agents/vigilante/opt-out.ts).
  if (hasOptOut(ctx.lead.metadata)) return { kind: "mark", decisao: { acao: "cancelado", motivo: "opt_out" } };
  const decided = decideWithRepeats({
    evento,
    lead: ctx.lead,
    corretor: ctx.corretor,
    configuracoes: parseConfiguracoes(ctx.imobiliaria.configuracoes),
    timezone: ctx.imobiliaria.timezone,
    now,
    repeticao: isRepeatInquiry(evento, ctx.lead) ? found.historico : null,
  });
  if (!writesMessage(decided.decision, ctx))
    return { kind: "mark", decisao: recordOnlyDetails(evento, decided.decision) };
  return { kind: "write", ctx, ...decided };
}

async function decideEvento(deps: OrquestradorDeps, found: EventoContext, now: Date): Promise<ProcessEventoResult> {
  const evento = found.evento;
  const eventoId = evento.id;
  if (evento.processado) return recordedResult(evento);

  const plan = await planDecision(deps, found, now);
  if (plan.kind === "mark") {
    // Nothing else to write: the decision alone, in one statement.
    const details = plan.decisao;
    const recorded = await recordDecisionOnly(deps.db, evento.id, {
      ...details,
      mensagemIds: [],
      decididoEm: now.toISOString(),
    });
    if (recorded.kind !== "decided") {
      return recorded.kind === "already_decided" && recorded.evento
        ? recordedResult(recorded.evento)
        : { mensagemIds: [], decisao: "desconhecida" };
    }
    log.info("orquestrador.decided", { eventoId, decisao: details.acao, motivo: details.motivo, mensagens: 0 });
    return { mensagemIds: [], decisao: details.acao };
  }
  const { ctx, decision, chave } = plan;

  const held: { slot: QuotaSlot | null } = { slot: null };
  let result: ProcessEventoResult;
  try {
    const recorded = await recordDecision(deps.db, evento.id, async (tx) => {
      const escrita = await writeDecision({ ...deps, tx, now, clock: deps.now }, ctx, { decision, chave }, held);
      const { mensagens: _rows, ...decisao } = escrita;
      const details = decisao.acao === "repetida" ? { motivo: "ja_avisado_hoje" } : decisionDetails(decision);
      return { decisao: { ...decisao, ...details, decididoEm: now.toISOString() }, value: escrita };
    });
    if (recorded.kind === "missing") throw new AppError("not_found", `evento ${eventoId} não encontrado`);
    if (recorded.kind === "already_decided")
      result = recordedResult(recorded.evento!); // a concurrent run decided first
    else {
      const decisao = recorded.value;
      result = {
        mensagemIds: decisao.mensagemIds,
        mensagens: decisao.mensagens,
        decisao: decisao.acao,
        ...(decisao.cota ? { cota: decisao.cota } : {}),
      };
    }
  } catch (err) {
    await held.slot?.giveBack(); // the message was not committed: its quota slot goes back
    throw err;
  }

  log.info("orquestrador.decided", {
    eventoId,
    decisao: result.decisao,
    cota: result.cota,
    mensagens: result.mensagemIds.length,
  });
  return result;
}

/** `now` is the decision's instant (keys, days); `clock` reads the time as the work goes on. */
type TxDeps = Omit<OrquestradorDeps, "now"> & { tx: Db; now: Date; clock: () => Date };

const writesMessage = (decision: Decision, ctx: LoadedEventoContext) =>
  (decision.acao === "agora" || decision.acao === "agendar") && ctx.corretor !== null;

/** The alert's unique key: per event for a first inquiry; per lead, broker and São Paulo day of its sending for a repeat. */
function messageKey(ctx: LoadedEventoContext, corretorId: string, decision: Decision, chave: Chave, now: Date): string {
  if (chave === "alerta") return alertaKey(ctx.evento.id, corretorId);
  const dia = saoPauloDay(decision.acao === "agendar" ? decision.quando : now);
  return (chave === "visita" ? visitaKey : retornoKey)(ctx.lead.id, corretorId, dia);
}

async function writeDecision(
  deps: TxDeps,
  ctx: LoadedEventoContext,
  { decision, chave }: { decision: Decision; chave: Chave },
  held: { slot: QuotaSlot | null },
): Promise<Escrita> {
  const corretor = ctx.corretor;
  if (!writesMessage(decision, ctx) || !corretor) return { acao: decision.acao, mensagemIds: [], mensagens: [] };

  const writer = deps.writer ?? templateWriter;
  const consultas = Number((ctx.lead.metadata as { consultas?: unknown } | null)?.consultas) || null;
  const followUp = ctx.evento.tipo === "follow_up_vencido";
  const composed = followUp
    ? writer.followUp(followUpInput({ ...ctx, corretor }, deps.now))
    : writer.novoLead({
        ...novoLeadInput({ ...ctx, corretor }, decision.acao === "agendar" ? deps.now : null),
        ...(chave === "retorno" ? { tipo: "lead_retorno" as const } : {}),
        ...(chave !== "alerta" ? { repeticao: { consultas } } : {}),
      });
  const base = {
    imobiliariaId: ctx.imobiliaria.id,
    corretorId: corretor.id,
    leadId: ctx.lead.id,
    eventoId: ctx.evento.id,
    eventoIds: [ctx.evento.id],
    tipo: followUp ? ("follow_up" as const) : ("alerta" as const),
    destino: corretor.telefone,
    ...composed,
    idempotencyKey: followUp
      ? followUpKey(ctx.evento.id, corretor.id)
      : messageKey(ctx, corretor.id, decision, chave, deps.now),
    criadoEm: deps.now,
  };
  // Another repeat of the lead took today's key first (a concurrent runner): this one is timeline only.
  const tookByOther = (m: { eventoId: string | null }, criada: boolean) =>
    !criada && chave !== "alerta" && m.eventoId !== ctx.evento.id;

  if (decision.acao === "agendar") {
    // No quota yet: the slot is taken when the row comes due (release-scheduled.ts).
    const { mensagem, criada } = await insertMensagemOnce(deps.tx, {
      ...base,
      status: "agendada",
      scheduledFor: decision.quando,
    });
    if (tookByOther(mensagem, criada)) return { acao: "repetida", mensagemIds: [], mensagens: [] };
    return { acao: "agendar", mensagemIds: [mensagem.id], mensagens: [decidida(mensagem, ctx.evento)] };
  }

  const slot = await takeQuota(deps, { id: corretor.id, limiteDiario: corretor.preferencias.limiteDiario });
  held.slot = slot;
  const { mensagem, criada } = await insertMensagemOnce(deps.tx, {
    ...base,
    status: slot.allowed ? "pendente" : "retida_cota",
    ...(slot.allowed && base.tipo === "alerta" ? templateSemModelo(deps, ctx) : {}),
  });
  if (!criada) {
    // The alert already existed (an event reset by hand, or another repeat's): it keeps its own slot, this one goes back.
    await slot.giveBack();
    held.slot = null;
    if (tookByOther(mensagem, criada)) return { acao: "repetida", mensagemIds: [], mensagens: [] };
  }
  const cota = mensagem.status === "retida_cota" ? "retida" : "liberada";
  return { acao: "agora", mensagemIds: [mensagem.id], mensagens: [decidida(mensagem, ctx.evento)], cota };
}

/** What the send step needs of a message row the decision wrote (or an earlier run wrote). */
export const decidida = (m: Mensagem, evento?: Pick<Evento, "id" | "dataDeteccao">): MensagemDecidida => ({
  id: m.id,
  status: m.status,
  corretorId: m.corretorId,
  textoPronto: m.escritaPor !== null,
  ...(evento && m.eventoId === evento.id && m.escritaPor === null
    ? { linha: { ...m, eventoDetectadoEm: evento.dataDeteccao } }
    : {}),
});

/**
 * The template-first rule, applied where the row is written: when the queues already took the hot
 * alert's deadline, or the model has lately been too slow for what is left of it, the model gets no
 * turn, and the row goes out as it is without a second write.
 */
function templateSemModelo(deps: TxDeps, ctx: LoadedEventoContext) {
  if (!deps.llm) return {};
  const desde = alertClockStart({ criadoEm: deps.now, scheduledFor: null, eventoDetectadoEm: ctx.evento.dataDeteccao });
  const { motivo } = alertModelTurn(deps.llm, desde, deps.clock());
  if (!motivo) return {};
  log.info("conselheiro.alerta_sem_modelo", { eventoId: ctx.evento.id, motivo, na: "decisao" });
  return { escritaPor: ESCRITA_REGRAS, escritaMotivo: motivo };
}

/** What a decision that writes no message records; a settings page's test lead (routed to nobody by the Vigilante) says so, not "no active broker". */
function recordOnlyDetails(evento: Evento, decision: Decision): { acao: Decision["acao"] } & Record<string, string> {
  const teste = (evento.metadata as { teste?: unknown } | null)?.teste === true;
  return { acao: decision.acao, ...decisionDetails(decision), ...(teste ? { motivo: "lead_de_teste" } : {}) };
}

function decisionDetails(decision: Decision): Record<string, string> {
  switch (decision.acao) {
    case "agrupar":
      return { janelaFechaEm: decision.janelaFechaEm.toISOString() };
    case "agendar":
      return { quando: decision.quando.toISOString(), motivo: decision.motivo };
    case "repetida":
      return { motivo: decision.motivo };
    default:
      return {};
  }
}
