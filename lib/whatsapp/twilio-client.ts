// WhatsApp through Twilio's Programmable Messaging API (twilio SDK 6). Every failure leaves as a
// classified WhatsAppSendError so the caller knows whether the message may have gone out.
import twilio from "twilio";
import type { MessageInstance } from "twilio/lib/rest/api/v2010/account/message";
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
// A lookup reads the recipient's messages newest first, page by page, until one is older than its
// `since`: a busy broker (50 alerts a day, plus reminders) can have many newer than the one sought.
const LOOKUP_PAGE_SIZE = 50;
// Past this many pages the answer is "could not tell", never "not sent".
const LOOKUP_MAX_PAGES = 20;

// Page#nextPage() returns undefined, not a promise, after the last page.
type ListPage = { instances: MessageInstance[]; nextPage(): Promise<ListPage> | undefined };

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
    const since = query.since.getTime();
    const createdAt = (m: MessageInstance) => (m.dateCreated ?? m.dateSent)?.getTime() ?? 0;
    const recent: MessageInstance[] = [];
    try {
      let page: ListPage | undefined = await client.messages.page({
        to: channel(query.to),
        from,
        pageSize: LOOKUP_PAGE_SIZE,
      });
      for (let n = 1; page; n++) {
        recent.push(...page.instances);
        if (page.instances.length === 0 || page.instances.some((m) => createdAt(m) < since)) break;
        if (n >= LOOKUP_MAX_PAGES) throw new Error(`consulta ao Twilio passou de ${n} páginas`);
        page = await page.nextPage();
      }
    } catch (err) {
      throw classifySendError(err);
    }
    const match = recent
      .filter((m) => createdAt(m) >= since)
      .filter((m) => query.body === undefined || sameBody(m.body, query.body))
      .sort((a, b) => createdAt(b) - createdAt(a))[0];
    return match ? { sid: match.sid, status: match.status } : null;
  }

  return { mode: "twilio", send, findRecent };
}
