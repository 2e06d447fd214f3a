// Test support for the Twilio webhook's HTTP side: a post signed with the SDK as Twilio signs it,
// over the public URL, arriving at the server's own host behind the proxy. The form bodies
// themselves (twilioForm) and the scene are the Conselheiro's (agents/conselheiro/inbound/testing).
import twilio from "twilio";

export const AUTH_TOKEN = "12345678901234567890123456789012";
export const PUBLIC_BASE_URL = "https://lastro.example.com";
export const WEBHOOK_PATH = "/api/webhooks/twilio";

export type SignOptions = { signature?: string | null; contentType?: string; token?: string; body?: string };

export function signedTwilioRequest(params: Record<string, string>, opts: SignOptions = {}): Request {
  const url = `${PUBLIC_BASE_URL}${WEBHOOK_PATH}`;
  const signature =
    opts.signature !== undefined
      ? opts.signature
      : twilio.getExpectedTwilioSignature(opts.token ?? AUTH_TOKEN, url, params);
  const headers: Record<string, string> = { "content-type": opts.contentType ?? "application/x-www-form-urlencoded" };
  if (signature !== null) headers["x-twilio-signature"] = signature;
  // The server sees its own host behind the proxy, not the public one the signature covers.
  return new Request(`http://127.0.0.1:3000${WEBHOOK_PATH}`, {
    method: "POST",
    headers,
    body: opts.body ?? new URLSearchParams(params).toString(),
  });
}
