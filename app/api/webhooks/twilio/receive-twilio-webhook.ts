// Twilio's WhatsApp webhook, from raw request to outcome: a form body, trusted only with a valid
// X-Twilio-Signature over the PUBLIC URL, then handed as params to the Conselheiro (handleTwilioInbound).
// Every refusal is an AppError raised before anything is read from or written to the database.
import { AppError, asRetryable, errorResponse } from "@/lib/errors";
import { readLimited } from "@/lib/http/read-json-body";
import { log } from "@/lib/log";
import { publicUrlFor, verifyTwilioSignature, type TwilioWebhookAuth } from "@/lib/whatsapp/verify-signature";
import {
  handleTwilioInbound,
  type TwilioInboundDeps,
  type TwilioInboundResult,
} from "../../../../agents/conselheiro/inbound/handle-twilio-inbound";

export type TwilioWebhookDeps = TwilioInboundDeps & TwilioWebhookAuth;

/** Twilio's posts are a few hundred bytes; anything near this is not Twilio. */
export const MAX_TWILIO_BODY_BYTES = 64 * 1024;
const FORM = "application/x-www-form-urlencoded";

/** The 503 of anything that is not the client's fault: Twilio retries instead of dropping the message. */
export const TWILIO_RETRY_MESSAGE = "Falha temporária ao processar o webhook do Twilio; tente novamente";

export async function receiveTwilioWebhook(deps: TwilioWebhookDeps, request: Request): Promise<TwilioInboundResult> {
  const mediaType = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (mediaType !== FORM) {
    throw new AppError(
      "unsupported_media_type",
      `Envie o corpo como formulário (Content-Type: ${FORM}), como o Twilio faz`,
    );
  }
  if (!deps.authToken) {
    throw new AppError(
      "forbidden",
      "Twilio não está configurado (TWILIO_AUTH_TOKEN ausente): sem o token não é possível confiar em mensagens recebidas",
    );
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
    log.warn("twilio.invalid_signature", { path: pathname, temAssinatura: request.headers.has("x-twilio-signature") });
    throw new AppError("invalid_signature", "Assinatura Twilio inválida");
  }
  return handleTwilioInbound(deps, params);
}

/** Empty TwiML: we answer the broker with our own outbound message, never in this response. */
export const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response/>';

/** The HTTP answer: 200 with empty TwiML, a 4xx for the client's fault, 503 (Twilio retries) otherwise. */
export async function respondToTwilioWebhook(deps: TwilioWebhookDeps, request: Request): Promise<Response> {
  try {
    await receiveTwilioWebhook(deps, request);
    return new Response(EMPTY_TWIML, { status: 200, headers: { "content-type": "text/xml; charset=utf-8" } });
  } catch (err) {
    return errorResponse(asRetryable(err, TWILIO_RETRY_MESSAGE));
  }
}
