// Conselheiro's send: one `mensagens` row goes out through WhatsApp at most once. The row is claimed
// before any API call; a failure is retried blindly only when it proves nothing was sent.
import type { Db } from "@/lib/db/client";
import {
  claimMensagem, findMensagemByProviderSid, transitionMensagem, type Mensagem,
} from "@/lib/db/queries/mensagens";
import { log } from "@/lib/log";
import { classifySendError } from "@/lib/whatsapp/classify-send-error";
import { WhatsAppSendError, type WhatsAppClient, type WhatsAppSent } from "@/lib/whatsapp/types";
import {
  backoffMs, chooseTemplate, LOOKUP_MARGIN_MS, MAX_ATTEMPTS, OUTSIDE_WINDOW, outgoingFor, UNCONFIRMED,
  UNCONFIRMED_RETRY_MS, type TemplateChoice,
} from "./send-policy";
import { SEND_TEXTS } from "./send-texts";

export type SendMensagemDeps = {
  db: Db;
  whatsapp: WhatsAppClient;
  now: () => Date;
  /** Public URL of our Twilio status-callback route. */
  statusCallbackUrl?: string;
  /** Content template (HX…) for a free-form message refused outside the 24-hour window. */
  templates?: { foraDaJanela?: string };
};
export type SendOutcome = "enviada" | "outbox" | "ja_processada" | "reagendar" | "incerta" | "falhou";
export type SendMensagemResult = { outcome: SendOutcome; retryInMs?: number };
type Ctx = { deps: SendMensagemDeps; row: Mensagem; claimedAt: Date };
type Recorded = Parameters<typeof transitionMensagem>[3];

const codeOf = (e: WhatsAppSendError) => (e.code ?? (e.httpStatus ? `http_${e.httpStatus}` : "desconhecido")).slice(0, 20);
const describe = (e: WhatsAppSendError) => `${codeOf(e)}: ${e.message}`.slice(0, 500);

export async function sendMensagem(deps: SendMensagemDeps, mensagemId: string): Promise<SendMensagemResult> {
  const claimedAt = deps.now();
  const row = await claimMensagem(deps.db, mensagemId, claimedAt);
  if (!row) return { outcome: "ja_processada" };
  const ctx: Ctx = { deps, row, claimedAt };
  if (deps.whatsapp.mode === "outbox") {
    const sent = await deps.whatsapp.send(outgoingFor(row, null));
    return record(ctx, "outbox", { status: "outbox", providerSid: sent.sid, sentAt: deps.now() });
  }
  if (row.erroCodigo === UNCONFIRMED) {
    // The previous attempt's create may have landed after its lookup: look again before sending.
    const earlier = await lookUp(ctx, row.criadoEm, row.corpo);
    if (earlier instanceof WhatsAppSendError) {
      return uncertain(ctx, UNCONFIRMED, SEND_TEXTS.incertaConsultaFalhou(SEND_TEXTS.tentativaAnterior, describe(earlier)));
    }
    if (earlier) return adopt(ctx, earlier, null);
  }
  return attempt(ctx, row.erroCodigo === OUTSIDE_WINDOW);
}

async function attempt(ctx: Ctx, asTemplate: boolean): Promise<SendMensagemResult> {
  const { deps, row } = ctx;
  const template = asTemplate ? chooseTemplate(row, deps.templates?.foraDaJanela) : null;
  if (asTemplate && !template) return fail(ctx, OUTSIDE_WINDOW, SEND_TEXTS.semTemplate);
  let sent: WhatsAppSent;
  try {
    sent = await deps.whatsapp.send(outgoingFor(row, template, deps.statusCallbackUrl));
  } catch (err) {
    const e = classifySendError(err);
    switch (e.kind) {
      case "needs_template":
        // Twilio refused the free-form message outright, so nothing went out: the template follows at once.
        return asTemplate ? fail(ctx, OUTSIDE_WINDOW, SEND_TEXTS.templateRecusado) : attempt(ctx, true);
      case "permanent":
        return fail(ctx, codeOf(e), describe(e));
      case "retry_safe":
        return retryLater(ctx, e, asTemplate);
      case "ambiguous":
        return resolveAmbiguous(ctx, e, template);
    }
  }
  return adopt(ctx, sent, template);
}

async function resolveAmbiguous(ctx: Ctx, e: WhatsAppSendError, template: TemplateChoice | null) {
  // A template's rendered body is Twilio's, not ours, so a template send is matched on recipient and time.
  const found = await lookUp(ctx, ctx.claimedAt, template ? undefined : ctx.row.corpo);
  if (found instanceof WhatsAppSendError) return uncertain(ctx, codeOf(e), SEND_TEXTS.incertaConsultaFalhou(describe(e), describe(found)));
  if (found) return adopt(ctx, found, template);
  // Not found proves this create did not land, so one more try is allowed, but only one: the list
  // may lag, and a template send has no body to match, so a second doubt goes to an admin.
  if (template || ctx.row.erroCodigo === UNCONFIRMED) return uncertain(ctx, codeOf(e), SEND_TEXTS.incertaDeNovo(describe(e)));
  if (ctx.row.tentativas >= MAX_ATTEMPTS) return fail(ctx, codeOf(e), SEND_TEXTS.tentativasEsgotadas(ctx.row.tentativas, describe(e)));
  const retryInMs = Math.max(UNCONFIRMED_RETRY_MS, backoffMs(ctx.row.tentativas));
  return requeue(ctx, retryInMs, UNCONFIRMED, SEND_TEXTS.semConfirmacao(describe(e)));
}

function retryLater(ctx: Ctx, e: WhatsAppSendError, asTemplate: boolean) {
  const { row } = ctx;
  if (row.tentativas >= MAX_ATTEMPTS) return fail(ctx, codeOf(e), SEND_TEXTS.tentativasEsgotadas(row.tentativas, describe(e)));
  // A template-bound row stays template-bound across throttling.
  return requeue(ctx, backoffMs(row.tentativas), asTemplate ? OUTSIDE_WINDOW : codeOf(e), describe(e));
}

async function lookUp(ctx: Ctx, from: Date, body: string | undefined) {
  const { deps, row } = ctx;
  let found: WhatsAppSent | null;
  try {
    found = await deps.whatsapp.findRecent({ to: row.destino, since: new Date(from.getTime() - LOOKUP_MARGIN_MS), body });
  } catch (err) {
    return classifySendError(err);
  }
  if (!found) return null;
  // The same text to the same broker from another row cannot prove that this row's message landed.
  const owner = await findMensagemByProviderSid(deps.db, found.sid);
  if (owner && owner.id !== row.id) return new WhatsAppSendError("ambiguous", `sid ${found.sid} pertence a ${owner.id}`);
  return found;
}

function adopt(ctx: Ctx, sent: WhatsAppSent, template: TemplateChoice | null) {
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

async function record(ctx: Ctx, outcome: SendOutcome, data: Recorded): Promise<SendMensagemResult> {
  const { deps, row } = ctx;
  const saved = await transitionMensagem(deps.db, row.id, ["enviando"], data, deps.now());
  const fields = { mensagemId: row.id, outcome, tentativa: row.tentativas, sid: data.providerSid, erro: data.erroCodigo };
  // Only we hold the claim, so a lost transition means someone reset the row by hand mid-send.
  if (!saved) log.warn("mensagem.transicao_perdida", fields);
  else if (outcome === "incerta" || outcome === "falhou") log.warn(`mensagem.${outcome}`, fields);
  else log.info(`mensagem.${outcome}`, fields);
  return { outcome };
}
