// The WhatsApp client the app uses: Twilio when its keys are set, else the local outbox.
import { env, type Env } from "@/lib/env";
import { createBaseUrlRequestClient } from "./base-url-request-client";
import { createOutboxClient } from "./outbox-client";
import { createTwilioClient } from "./twilio-client";
import type { WhatsAppClient } from "./types";

export type { WhatsAppClient, WhatsAppOutgoing, WhatsAppSent, WhatsAppLookup } from "./types";
export { WhatsAppSendError } from "./types";

// As twilio-client.ts's own default: a lost response must not hold a send lane for the SDK's 30 s.
const TWILIO_TIMEOUT_MS = 10_000;

/** Picks the client for a Twilio configuration (env.twilio's shape; null = outbox). */
export function selectWhatsAppClient(twilioConfig: Env["twilio"]): WhatsAppClient {
  if (!twilioConfig) return createOutboxClient();
  return createTwilioClient({
    accountSid: twilioConfig.accountSid,
    authToken: twilioConfig.authToken,
    from: twilioConfig.whatsappFrom,
    ...(twilioConfig.apiUrl
      ? { httpClient: createBaseUrlRequestClient(twilioConfig.apiUrl, { timeoutMs: TWILIO_TIMEOUT_MS }) }
      : {}),
  });
}

type Cache = { __lastroWhatsApp?: WhatsAppClient };
const cache = globalThis as typeof globalThis & Cache;

/** One client per process (it holds the SDK's keep-alive agent). */
export function getWhatsAppClient(): WhatsAppClient {
  cache.__lastroWhatsApp ??= selectWhatsAppClient(env.twilio);
  return cache.__lastroWhatsApp;
}
