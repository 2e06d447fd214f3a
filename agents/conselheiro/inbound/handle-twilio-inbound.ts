// One trusted post from Twilio's WhatsApp webhook, as its form params (the route has checked the
// signature): a status callback moves a sent message; anything else is a broker's message, or else a
// lead's reply (kept on their timeline, never answered), or else a stranger's (nothing kept).
import { getMensagemById } from "@/lib/db/queries/mensagens";
import { log } from "@/lib/log";
import { applyStatusCallback, type StatusCallbackResult } from "./apply-status-callback";
import { handleBrokerReply, type BrokerReplyDeps, type BrokerReplyResult } from "./handle-broker-reply";
import { recordLeadReply, type LeadReplyResult } from "./record-lead-reply";

export type TwilioInboundDeps = BrokerReplyDeps;
export type TwilioInboundResult =
  | { tipo: "status"; result: StatusCallbackResult }
  | { tipo: "mensagem"; result: BrokerReplyResult }
  | { tipo: "lead"; result: LeadReplyResult };

export async function handleTwilioInbound(
  deps: TwilioInboundDeps,
  params: Record<string, string>,
): Promise<TwilioInboundResult> {
  if (isStatusCallback(params)) return { tipo: "status", result: await applyStatus(deps, params) };
  const result = await handleBrokerReply(deps, params);
  if (result.outcome !== "remetente_desconhecido") return { tipo: "mensagem", result };
  return { tipo: "lead", result: await recordLeadReply(deps, params) };
}

/** Status callbacks carry MessageStatus; a broker's message carries Body or ButtonPayload (and SmsStatus=received). */
function isStatusCallback(params: Record<string, string>): boolean {
  return Boolean(params.MessageStatus) && params.Body === undefined && params.ButtonPayload === undefined;
}

async function applyStatus(deps: TwilioInboundDeps, params: Record<string, string>): Promise<StatusCallbackResult> {
  const result = await applyStatusCallback({ db: deps.db, now: deps.now }, params);
  if (result.outcome === "reenfileirada" && result.mensagemId) {
    const row = await getMensagemById(deps.db, result.mensagemId);
    // Its own key: the first send's `message-send-<id>` must not swallow this re-send.
    const key = `message-resend-${result.mensagemId}-${params.MessageSid}`;
    await deps
      .dispatch("message/send", { mensagemId: result.mensagemId, corretorId: row?.corretorId ?? null }, key)
      .catch((err: unknown) =>
        log.warn("pipeline.dispatch_failed", { mensagemId: result.mensagemId, error: String(err) }),
      );
  }
  return result;
}
