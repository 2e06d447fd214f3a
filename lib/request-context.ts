// The request id that follows a lead from the portal's webhook to the WhatsApp send: taken from the
// caller's X-Request-Id when it is a sane token, else made here; answered back in the same header,
// kept on the lead's evento (metadata.requestId), carried by the pipeline's send jobs, and added to
// every log line written while it is current (lib/log.ts reads it). AsyncLocalStorage, so no function
// between the door and the logger has to pass it along.
import { AsyncLocalStorage } from "node:async_hooks";
import { randomBytes } from "node:crypto";

export const REQUEST_ID_HEADER = "x-request-id";
const SANE = /^[A-Za-z0-9._:-]{8,64}$/;

const storage = new AsyncLocalStorage<{ requestId: string }>();

/** The caller's id when it looks like one (no spaces, no personal data shapes), else a new `req_…`. */
export function requestIdFrom(header: string | null | undefined): string {
  const given = header?.trim();
  return given && SANE.test(given) ? given : `req_${randomBytes(12).toString("base64url")}`;
}

/** Runs `fn` with `id` as the current request id (or as it is when there is none). */
export function withRequestId<T>(id: string | null | undefined, fn: () => T): T {
  return id && SANE.test(id) ? storage.run({ requestId: id }, fn) : fn();
}

export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}
