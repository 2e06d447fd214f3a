// Conselheiro's send: one `mensagens` row goes out through WhatsApp at most once. The row is claimed
// before any API call; a failure is retried blindly only when it proves nothing was sent.
import type { Db } from "@/lib/db/client";
import {
  claimMensagem,
  findMensagemByProviderSid,
  transitionMensagem,
  type Escrita,
  type Mensagem,
} from "@/lib/db/queries/mensagens";
import { contentSidEnvVar, type TwilioTemplates } from "@/lib/domain/twilio-templates";
import type { Llm } from "@/lib/llm/types";
import { log } from "@/lib/log";
import { classifySendError } from "@/lib/whatsapp/classify-send-error";
import { WhatsAppSendError, type WhatsAppClient, type WhatsAppSent } from "@/lib/whatsapp/types";
import { contentOf, loadSendContext, prepareSend, type Envio, type SendContext } from "./prepare-send";
import {
  backoffMs,
  LOOKUP_MARGIN_MS,
  MAX_ATTEMPTS,
  OUTSIDE_WINDOW,
  outgoingFor,
  UNCONFIRMED,
  UNCONFIRMED_RETRY_MS,
} from "./send-policy";
import { SEND_TEXTS } from "./send-texts";
import { modelTurnFor } from "./write-with-model";

export type SendMensagemDeps = {
  db: Db;
  whatsapp: WhatsAppClient;
  now: () => Date;
  /** Public URL of our Twilio status-callback route. */
  statusCallbackUrl?: string;
  /** Content template sids per message kind (env); an agency's own settings win over them. */
  templates?: TwilioTemplates;
  /** With a model, a message that allows it is rewritten in natural pt-BR first (write-with-model.ts), saved with the claim. */
  llm?: Llm | null;
};
export type SendOutcome = "enviada" | "outbox" | "ja_processada" | "reagendar" | "incerta" | "falhou";
export type SendMensagemResult = { outcome: SendOutcome; retryInMs?: number };
type Ctx = { deps: SendMensagemDeps; row: Mensagem; claimedAt: Date; send: SendContext };
type Recorded = Parameters<typeof transitionMensagem>[3];

const codeOf = (e: WhatsAppSendError) =>
  (e.code ?? (e.httpStatus ? `http_${e.httpStatus}` : "desconhecido")).slice(0, 20);
const describe = (e: WhatsAppSendError) => `${codeOf(e)}: ${e.message}`.slice(0, 500);

export async function sendMensagem(
  deps: SendMensagemDeps,
  mensagemId: string,
  /** The model's turn already taken (the runner's write job): saved with the claim. */
  escrita?: Escrita | null,
): Promise<SendMensagemResult> {
  const decided =
    escrita ?? (deps.llm ? await modelTurnFor({ db: deps.db, llm: deps.llm, now: deps.now }, mensagemId) : null);
  const claimedAt = deps.now();
  const row = await claimMensagem(deps.db, mensagemId, claimedAt, decided ?? undefined);
  if (!row) return { outcome: "ja_processada" };
  if (deps.whatsapp.mode === "outbox") {
    // The dashboard shows the row itself, buttons included; no template is involved.
    const sent = await deps.whatsapp.send(outgoingFor(row, null));
    return record({ deps, row }, "outbox", { status: "outbox", providerSid: sent.sid, sentAt: deps.now() });
  }
  const ctx: Ctx = { deps, row, claimedAt, send: await loadSendContext(deps.db, row, deps.templates, claimedAt) };
  if (row.erroCodigo === UNCONFIRMED) {
    // The previous attempt's create may have landed after its lookup: look again before sending.
    // A Content send has Twilio's rendered text, not ours, so it is matched on recipient and time.
    const likely = prepareSend(row, ctx.send, false);
    const earlier = await lookUp(
      ctx,
      row.criadoEm,
      likely.forma === "texto" && !row.templateSid ? row.corpo : undefined,
    );
    if (earlier instanceof WhatsAppSendError) {
      return uncertain(
        ctx,
        UNCONFIRMED,
        SEND_TEXTS.incertaConsultaFalhou(SEND_TEXTS.tentativaAnterior, describe(earlier)),
      );
    }
    if (earlier) return adopt(ctx, earlier, likely);
  }
  return attempt(ctx, row.erroCodigo === OUTSIDE_WINDOW);
}

async function attempt(ctx: Ctx, exigeTemplate: boolean): Promise<SendMensagemResult> {
  const { deps, row } = ctx;
  const envio = prepareSend(row, ctx.send, exigeTemplate);
  if (envio.forma === "sem_template") return failWithoutTemplate(ctx);
  let sent: WhatsAppSent;
  try {
    sent = await deps.whatsapp.send(outgoingFor(row, contentOf(envio), deps.statusCallbackUrl));
  } catch (err) {
    const e = classifySendError(err);
    switch (e.kind) {
      case "needs_template":
        // Twilio refused the session message outright, so nothing went out: the template follows at once.
        return envio.forma === "template" ? fail(ctx, OUTSIDE_WINDOW, SEND_TEXTS.templateRecusado) : attempt(ctx, true);
      case "permanent":
        return fail(ctx, codeOf(e), describe(e));
      case "retry_safe":
        return retryLater(ctx, e, envio.forma === "template");
      case "ambiguous":
        return resolveAmbiguous(ctx, e, envio);
    }
  }
  return adopt(ctx, sent, envio);
}

function failWithoutTemplate(ctx: Ctx) {
  const { row } = ctx;
  log.warn("mensagem.template_missing", {
    mensagemId: row.id,
    tipo: row.tipo,
    imobiliariaId: row.imobiliariaId,
    variavel: contentSidEnvVar(row.tipo, "foraDaJanela"),
  });
  return fail(ctx, OUTSIDE_WINDOW, SEND_TEXTS.semTemplate(row.tipo));
}

async function resolveAmbiguous(ctx: Ctx, e: WhatsAppSendError, envio: Envio) {
  // A Content send's rendered body is Twilio's, not ours, so it is matched on recipient and time.
  const content = contentOf(envio);
  const found = await lookUp(ctx, ctx.claimedAt, content ? undefined : ctx.row.corpo);
  if (found instanceof WhatsAppSendError)
    return uncertain(ctx, codeOf(e), SEND_TEXTS.incertaConsultaFalhou(describe(e), describe(found)));
  if (found) return adopt(ctx, found, envio);
  // Not found says this create did not land, but the list may lag: the next try waits, then looks
  // again (the UNCONFIRMED branch) before it creates, so a late create is adopted, never repeated.
  // A streak of Twilio 5xx is retried like that up to MAX_ATTEMPTS. A Content send has no body to
  // match, so its doubt goes to an admin at once.
  if (content) return uncertain(ctx, codeOf(e), SEND_TEXTS.incertaModelo(describe(e)));
  if (ctx.row.tentativas >= MAX_ATTEMPTS)
    return fail(ctx, codeOf(e), SEND_TEXTS.tentativasEsgotadas(ctx.row.tentativas, describe(e)));
  const retryInMs = Math.max(UNCONFIRMED_RETRY_MS, backoffMs(ctx.row.tentativas));
  return requeue(ctx, retryInMs, UNCONFIRMED, SEND_TEXTS.semConfirmacao(describe(e)));
}

function retryLater(ctx: Ctx, e: WhatsAppSendError, asTemplate: boolean) {
  const { row } = ctx;
  if (row.tentativas >= MAX_ATTEMPTS)
    return fail(ctx, codeOf(e), SEND_TEXTS.tentativasEsgotadas(row.tentativas, describe(e)));
  // A template-bound row stays template-bound across throttling.
  return requeue(ctx, backoffMs(row.tentativas), asTemplate ? OUTSIDE_WINDOW : codeOf(e), describe(e));
}

async function lookUp(ctx: Ctx, from: Date, body: string | undefined) {
  const { deps, row } = ctx;
  let found: WhatsAppSent | null;
  try {
    found = await deps.whatsapp.findRecent({
      to: row.destino,
      since: new Date(from.getTime() - LOOKUP_MARGIN_MS),
      body,
    });
  } catch (err) {
    return classifySendError(err);
  }
  if (!found) return null;
  // The same text to the same broker from another row cannot prove that this row's message landed.
  const owner = await findMensagemByProviderSid(deps.db, found.sid);
  if (owner && owner.id !== row.id)
    return new WhatsAppSendError("ambiguous", `sid ${found.sid} pertence a ${owner.id}`);
  return found;
}

function adopt(ctx: Ctx, sent: WhatsAppSent, envio: Envio) {
  // Only the business template marks the row: a quick-reply refused later still gets its one template re-send.
  const template = envio.forma === "template" ? envio.content : null;
  return record(ctx, "enviada", {
    status: "enviada",
    providerSid: sent.sid,
    sentAt: ctx.deps.now(),
    erroCodigo: template ? OUTSIDE_WINDOW : null,
    erroMensagem: null,
    ...(template ? { templateSid: template.contentSid, templateVariaveis: template.contentVariables } : {}),
  });
}

const fail = (ctx: Ctx, erroCodigo: string, erroMensagem: string) =>
  record(ctx, "falhou", { status: "falhou", erroCodigo, erroMensagem });

const uncertain = (ctx: Ctx, erroCodigo: string, erroMensagem: string) =>
  record(ctx, "incerta", { status: "incerta", erroCodigo, erroMensagem: erroMensagem.slice(0, 2000) });

async function requeue(ctx: Ctx, retryInMs: number, erroCodigo: string, erroMensagem: string) {
  const scheduledFor = new Date(ctx.deps.now().getTime() + retryInMs);
  await record(ctx, "reagendar", { status: "pendente", erroCodigo, erroMensagem, scheduledFor });
  return { outcome: "reagendar" as const, retryInMs };
}

const OUTCOME_EVENTS: Record<SendOutcome, string> = {
  enviada: "mensagem.sent",
  outbox: "mensagem.outbox",
  ja_processada: "mensagem.already_processed",
  reagendar: "mensagem.retry_scheduled",
  incerta: "mensagem.uncertain",
  falhou: "mensagem.failed",
};

async function record(
  ctx: Pick<Ctx, "deps" | "row">,
  outcome: SendOutcome,
  data: Recorded,
): Promise<SendMensagemResult> {
  const { deps, row } = ctx;
  const saved = await transitionMensagem(deps.db, row.id, ["enviando"], data, deps.now());
  const fields = {
    mensagemId: row.id,
    outcome,
    tentativa: row.tentativas,
    sid: data.providerSid,
    erro: data.erroCodigo,
  };
  // Only we hold the claim, so a lost transition means someone reset the row by hand mid-send.
  if (!saved) log.warn("mensagem.transition_lost", fields);
  else if (outcome === "incerta" || outcome === "falhou") log.warn(OUTCOME_EVENTS[outcome], fields);
  else log.info(OUTCOME_EVENTS[outcome], fields);
  return { outcome };
}
