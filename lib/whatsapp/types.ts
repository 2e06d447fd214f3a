// The one interface the agents use to talk to WhatsApp, whatever sits behind it (Twilio or the
// local outbox), and the error that tells the caller whether a failed send may be retried blindly.

export type WhatsAppMode = "twilio" | "outbox";

export interface WhatsAppOutgoing {
  /** E.164, e.g. +5511912345678 (the client adds the `whatsapp:` channel prefix). */
  to: string;
  body?: string;
  /** A Twilio Content template (HX…), required outside the 24-hour window. */
  contentSid?: string;
  contentVariables?: Record<string, string>;
  statusCallback?: string;
}

export interface WhatsAppSent {
  sid: string;
  status: string;
}

export interface WhatsAppLookup {
  /** E.164. */
  to: string;
  /** Only messages created at or after this instant. */
  since: Date;
  /** When given, only a message with exactly this body (trimmed) matches. */
  body?: string;
}

export interface WhatsAppClient {
  readonly mode: WhatsAppMode;
  send(msg: WhatsAppOutgoing): Promise<WhatsAppSent>;
  /** The newest message to `to` since `since` (matching `body`), or null. Throws when it cannot tell. */
  findRecent(query: WhatsAppLookup): Promise<WhatsAppSent | null>;
}

/**
 * - retry_safe: proven not sent (connection refused, 429, 503, 63018 rate limit): retry with backoff.
 * - ambiguous: timeout, lost response, other 5xx: it may have been sent; look it up before any retry.
 * - needs_template: 63016, outside the 24-hour window: only a Content template can go out.
 * - permanent: any other 4xx (bad number, bad credentials…): retrying cannot help.
 */
export type WhatsAppSendErrorKind = "retry_safe" | "ambiguous" | "needs_template" | "permanent";

export class WhatsAppSendError extends Error {
  readonly kind: WhatsAppSendErrorKind;
  /** Twilio's error code ("63016") or the socket error code ("ECONNRESET"). */
  readonly code?: string;
  readonly httpStatus?: number;

  constructor(
    kind: WhatsAppSendErrorKind,
    message: string,
    options: { code?: string; httpStatus?: number; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "WhatsAppSendError";
    this.kind = kind;
    this.code = options.code;
    this.httpStatus = options.httpStatus;
  }
}
