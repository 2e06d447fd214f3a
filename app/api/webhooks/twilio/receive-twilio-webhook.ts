// Twilio's WhatsApp webhook, from raw request to outcome: a form body, trusted only with a valid
// X-Twilio-Signature over the PUBLIC URL, then either a status callback or a broker's message.
// Every refusal is an AppError raised before anything is read from or written to the database.
import { z } from "zod";
import { getMensagemById } from "@/lib/db/queries/mensagens";
import { AppError, errorResponse } from "@/lib/errors";
import { readLimited } from "@/lib/http/read-json-body";
import { log } from "@/lib/log";
import { publicUrlFor, verifyTwilioSignature } from "@/lib/whatsapp/verify-signature";
import { applyStatusCallback, type StatusCallbackResult } from "../../../../agents/conselheiro/inbound/apply-status-callback";
import { handleBrokerReply, type BrokerReplyDeps, type BrokerReplyResult } from "../../../../agents/conselheiro/inbound/handle-broker-reply";

export type TwilioWebhookDeps = BrokerReplyDeps & {
  /** TWILIO_AUTH_TOKEN; null when Twilio is not configured, and then nothing inbound is trusted. */
  authToken: string | null;
  /** The base URL Twilio calls (PUBLIC_BASE_URL); the signature covers it, not our internal URL. */
  publicBaseUrl: string;
};

export type TwilioWebhookResult =
  | { tipo: "status"; result: StatusCallbackResult }
  | { tipo: "mensagem"; result: BrokerReplyResult };

/** Twilio's posts are a few hundred bytes; anything near this is not Twilio. */
export const MAX_TWILIO_BODY_BYTES = 64 * 1024;
const FORM = "application/x-www-form-urlencoded";

export async function receiveTwilioWebhook(deps: TwilioWebhookDeps, request: Request): Promise<TwilioWebhookResult> {
  const mediaType = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (mediaType !== FORM) {
    throw new AppError("unsupported_media_type", `Envie o corpo como formulário (Content-Type: ${FORM}), como o Twilio faz`);
  }
  if (!deps.authToken) {
    throw new AppError("forbidden", "Twilio não está configurado (TWILIO_AUTH_TOKEN ausente): sem o token não é possível confiar em mensagens recebidas");
  }
  const raw = await readLimited(request, MAX_TWILIO_BODY_BYTES);
  const params = Object.fromEntries(new URLSearchParams(raw));
  const { pathname, search } = new URL(request.url);
  const valid = verifyTwilioSignature({
    authToken: deps.authToken,
    url: publicUrlFor(`${pathname}${search}`, deps.publicBaseUrl),
    params,
    signature: request.headers.get("x-twilio-signature"),
  });
  if (!valid) {
    log.warn("twilio.assinatura_invalida", { path: pathname, temAssinatura: request.headers.has("x-twilio-signature") });
    throw new AppError("invalid_signature", "Assinatura Twilio inválida");
  }

  if (isStatusCallback(params)) return { tipo: "status", result: await applyStatus(deps, params) };
  return { tipo: "mensagem", result: await handleBrokerReply(deps, params) };
}

/** Status callbacks carry MessageStatus; a broker's message carries Body or ButtonPayload (and SmsStatus=received). */
export function isStatusCallback(params: Record<string, string>): boolean {
  return Boolean(params.MessageStatus) && params.Body === undefined && params.ButtonPayload === undefined;
}

async function applyStatus(deps: TwilioWebhookDeps, params: Record<string, string>): Promise<StatusCallbackResult> {
  const result = await applyStatusCallback({ db: deps.db, now: deps.now }, params);
  if (result.outcome === "reenfileirada" && result.mensagemId) {
    const row = await getMensagemById(deps.db, result.mensagemId);
    // Its own key: the first send's `message-send-<id>` must not swallow this re-send.
    const key = `message-resend-${result.mensagemId}-${params.MessageSid}`;
    await deps
      .dispatch("message/send", { mensagemId: result.mensagemId, corretorId: row?.corretorId ?? null }, key)
      .catch((err: unknown) => log.warn("pipeline.dispatch_failed", { mensagemId: result.mensagemId, error: String(err) }));
  }
  return result;
}

/** Empty TwiML: we answer the broker with our own outbound message, never in this response. */
export const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response/>';

/** The HTTP answer: 200 with empty TwiML, a 4xx for the client's fault, 503 (Twilio retries) otherwise. */
export async function respondToTwilioWebhook(deps: TwilioWebhookDeps, request: Request): Promise<Response> {
  try {
    await receiveTwilioWebhook(deps, request);
    return new Response(EMPTY_TWIML, { status: 200, headers: { "content-type": "text/xml; charset=utf-8" } });
  } catch (err) {
    return errorResponse(asRetryableForTwilio(err));
  }
}

/** Anything not the client's fault becomes 503, so Twilio retries instead of dropping the message. */
export function asRetryableForTwilio(err: unknown): unknown {
  if (err instanceof AppError || err instanceof z.core.$ZodError) return err;
  return new AppError("service_unavailable", "Falha temporária ao processar o webhook do Twilio; tente novamente", {
    cause: err,
    headers: { "retry-after": "30" },
  });
}
