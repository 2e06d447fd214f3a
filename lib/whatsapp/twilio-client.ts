// WhatsApp through Twilio's Programmable Messaging API (twilio SDK 6). Every failure leaves as a
// classified WhatsAppSendError so the caller knows whether the message may have gone out.
import twilio from "twilio";
import { classifySendError } from "./classify-send-error";
import type { WhatsAppClient, WhatsAppLookup, WhatsAppOutgoing, WhatsAppSent } from "./types";

export type TwilioClientOptions = {
  accountSid: string;
  authToken: string;
  /** Our WhatsApp sender, "+5511…" or "whatsapp:+5511…". */
  from: string;
  /** A RequestClient (subclass) to use instead of the SDK's own; tests point it at a local fake. */
  httpClient?: twilio.RequestClient;
  /** Request timeout for the SDK's own RequestClient (ignored with `httpClient`, which has its own). */
  timeoutMs?: number;
};

// A lost response must not hang a worker for the SDK's default 30 s; Twilio answers in < 1 s.
const DEFAULT_TIMEOUT_MS = 10_000;
// How many of the recipient's newest messages a lookup reads. Brokers get a handful a day.
const LOOKUP_LIMIT = 20;

const channel = (phone: string) => (phone.startsWith("whatsapp:") ? phone : `whatsapp:${phone}`);
const sameBody = (a: string | null | undefined, b: string) => (a ?? "").trim() === b.trim();

export function createTwilioClient(options: TwilioClientOptions): WhatsAppClient {
  const httpClient =
    options.httpClient ?? new twilio.RequestClient({ timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS });
  // autoRetry stays off: retrying is sendMensagem's decision, made against the database row.
  const client = twilio(options.accountSid, options.authToken, { httpClient });
  const from = channel(options.from);

  async function send(msg: WhatsAppOutgoing): Promise<WhatsAppSent> {
    try {
      const created = await client.messages.create({
        from,
        to: channel(msg.to),
        ...(msg.contentSid
          ? { contentSid: msg.contentSid, contentVariables: JSON.stringify(msg.contentVariables ?? {}) }
          : { body: msg.body ?? "" }),
        ...(msg.statusCallback ? { statusCallback: msg.statusCallback } : {}),
      });
      return { sid: created.sid, status: created.status };
    } catch (err) {
      throw classifySendError(err);
    }
  }

  async function findRecent(query: WhatsAppLookup): Promise<WhatsAppSent | null> {
    // No DateSent filter on purpose: a message still `queued`/`accepted` has date_sent = null and a
    // DateSent>= filter would hide exactly the message a timed-out create may have left behind.
    // We read the recipient's newest messages and filter on date_created ourselves.
    let recent;
    try {
      recent = await client.messages.list({ to: channel(query.to), from, limit: LOOKUP_LIMIT });
    } catch (err) {
      throw classifySendError(err);
    }
    const since = query.since.getTime();
    const createdAt = (m: (typeof recent)[number]) => (m.dateCreated ?? m.dateSent)?.getTime() ?? 0;
    const match = recent
      .filter((m) => createdAt(m) >= since)
      .filter((m) => query.body === undefined || sameBody(m.body, query.body))
      .sort((a, b) => createdAt(b) - createdAt(a))[0];
    return match ? { sid: match.sid, status: match.status } : null;
  }

  return { mode: "twilio", send, findRecent };
}
