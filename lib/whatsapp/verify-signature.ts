// Inbound Twilio webhooks (messages and status callbacks) are trusted only with a valid
// X-Twilio-Signature, computed over the PUBLIC URL Twilio called, not the one behind our proxy.
import twilio from "twilio";
import { env } from "@/lib/env";

/** What an inbound Twilio webhook needs to trust a post. */
export type TwilioWebhookAuth = {
  /** TWILIO_AUTH_TOKEN; null when Twilio is not configured, and then nothing inbound is trusted. */
  authToken: string | null;
  /** The base URL Twilio calls (PUBLIC_BASE_URL); the signature covers it, not our internal URL. */
  publicBaseUrl: string;
};

export function verifyTwilioSignature(input: {
  authToken: string;
  url: string;
  params: Record<string, string>;
  signature: string | null | undefined;
}): boolean {
  if (!input.signature) return false;
  // validateRequest compares in constant time (scmp) and also tries the URL with/without the port.
  return twilio.validateRequest(input.authToken, input.signature, input.url, input.params);
}

/** The public URL of one of our routes, e.g. publicUrlFor("/api/webhooks/twilio/status"). */
export function publicUrlFor(pathAndQuery: string, baseUrl: string = env.publicBaseUrl): string {
  const base = baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`;
  return new URL(pathAndQuery.replace(/^\/+/, ""), base).toString();
}
