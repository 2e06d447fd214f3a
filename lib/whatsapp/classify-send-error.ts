// Decides, from whatever the Twilio SDK threw, whether the message can have left. This is the one
// place where "never twice" meets the network: when in doubt the answer is "ambiguous".
import { WhatsAppSendError, type WhatsAppSendErrorKind } from "./types";

/** Twilio codes that mean "throttled, nothing sent" (63018 channel rate limit, 20429 API rate limit). */
const RATE_LIMIT_CODES = new Set(["63018", "20429"]);
export const OUTSIDE_WINDOW_CODE = "63016";

/** Socket errors raised before any byte of the request could reach Twilio. */
const NOT_CONNECTED_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ENETUNREACH", "EHOSTUNREACH"]);

type ErrorLike = { status?: unknown; code?: unknown; message?: unknown };

function kindFor(httpStatus: number | undefined, code: string | undefined): WhatsAppSendErrorKind {
  if (code === OUTSIDE_WINDOW_CODE) return "needs_template";
  if (httpStatus === undefined) {
    // No HTTP answer: safe only if the connection was never made. Timeouts, resets, hang-ups and
    // anything unknown may have delivered the request.
    return code !== undefined && NOT_CONNECTED_CODES.has(code) ? "retry_safe" : "ambiguous";
  }
  if (httpStatus === 429 || httpStatus === 503 || (code !== undefined && RATE_LIMIT_CODES.has(code))) {
    return "retry_safe";
  }
  if (httpStatus >= 500) return "ambiguous";
  if (httpStatus >= 400) return "permanent";
  return "ambiguous"; // a non-error status reported as an error: we cannot say it was not sent
}

/** Turns a Twilio RestException, an axios/socket error or anything else into a WhatsAppSendError. */
export function classifySendError(err: unknown): WhatsAppSendError {
  if (err instanceof WhatsAppSendError) return err;
  const e: ErrorLike = typeof err === "object" && err !== null ? (err as ErrorLike) : {};
  // RestException carries the HTTP status in `status` and Twilio's numeric code in `code`;
  // axios errors carry a string `code` (ECONNRESET…) and no status (validateStatus accepts all).
  const httpStatus = typeof e.status === "number" ? e.status : undefined;
  const code = typeof e.code === "number" || typeof e.code === "string" ? String(e.code) : undefined;
  const message = typeof e.message === "string" && e.message ? e.message : String(err);
  return new WhatsAppSendError(kindFor(httpStatus, code), message, { code, httpStatus, cause: err });
}
