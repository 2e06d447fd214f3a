// Test support: the JSON and form shapes Twilio's Messages API uses, for the fake server.
import { randomBytes } from "node:crypto";

export type FakeMessage = {
  sid: string;
  to: string;
  from: string;
  body: string;
  contentSid: string | null;
  contentVariables: string | null;
  statusCallback: string | null;
  status: string;
  errorCode: number | null;
  dateCreated: Date;
  /** null while queued, as on Twilio: set when the message leaves for WhatsApp. */
  dateSent: Date | null;
};

export const newMessageSid = () => `SM${randomBytes(16).toString("hex")}`;

/** RFC 2822 in GMT with "+0000", the format the SDK's deserializer expects. */
const rfc2822 = (d: Date | null) => (d ? d.toUTCString().replace("GMT", "+0000") : null);

export function messageJson(accountSid: string, m: FakeMessage) {
  return {
    account_sid: accountSid,
    api_version: "2010-04-01",
    body: m.body,
    date_created: rfc2822(m.dateCreated),
    date_sent: rfc2822(m.dateSent),
    date_updated: rfc2822(m.dateCreated),
    direction: "outbound-api",
    error_code: m.errorCode,
    error_message: null,
    from: m.from,
    messaging_service_sid: null,
    num_media: "0",
    num_segments: "1",
    price: null,
    price_unit: "USD",
    sid: m.sid,
    status: m.status,
    subresource_uris: { media: `/2010-04-01/Accounts/${accountSid}/Messages/${m.sid}/Media.json` },
    to: m.to,
    uri: `/2010-04-01/Accounts/${accountSid}/Messages/${m.sid}.json`,
  };
}

/** One page of a list, newest first as Twilio lists; `query` is the request's, kept in the page links. */
export function listJson(accountSid: string, messages: FakeMessage[], query: URLSearchParams) {
  const pageSize = Math.min(1000, Math.max(1, Number(query.get("PageSize") ?? 50)));
  const page = Math.max(0, Number(query.get("Page") ?? 0));
  const link = (n: number) => {
    const q = new URLSearchParams(query);
    q.set("PageSize", String(pageSize));
    q.set("Page", String(n));
    q.set("PageToken", `PA${n}`);
    return `/2010-04-01/Accounts/${accountSid}/Messages.json?${q.toString()}`;
  };
  const slice = messages.slice(page * pageSize, (page + 1) * pageSize);
  return {
    messages: slice.map((m) => messageJson(accountSid, m)),
    end: page * pageSize + slice.length - 1,
    first_page_uri: link(0),
    next_page_uri: (page + 1) * pageSize < messages.length ? link(page + 1) : null,
    page,
    page_size: pageSize,
    previous_page_uri: page > 0 ? link(page - 1) : null,
    start: page * pageSize,
    uri: link(page),
  };
}

/** Twilio's legacy error body (what RestException reads). */
export function errorJson(status: number, code: number, message: string) {
  return { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status };
}

/** The form fields Twilio posts to a StatusCallback URL for this message. */
export function statusCallbackParams(accountSid: string, m: FakeMessage): Record<string, string> {
  const params: Record<string, string> = {
    AccountSid: accountSid,
    ApiVersion: "2010-04-01",
    ChannelPrefix: "whatsapp",
    From: m.from,
    To: m.to,
    MessageSid: m.sid,
    SmsSid: m.sid,
    MessageStatus: m.status,
    SmsStatus: m.status,
  };
  if (m.errorCode !== null) params.ErrorCode = String(m.errorCode);
  return params;
}
