// The self-hosted server's direct lane for portal deliveries: scripts/web-server.mjs hands each
// POST /api/webhooks/portais/… here before Next.js's router sees it, finding the lane through
// lib/http/direct-lane-registry.mjs (why: docs/decisions/direct-lane.md). Measured on this 2-core
// machine, Next's request path costs ≈ 2 ms of the main thread per request at 110 requests/s (the
// empty /api/ping), a third of a delivery's web CPU; the lane answers with the route's own function
// (answerPortalDelivery), so behaviour is the same through either door, and reads and writes
// node:http directly, without a web Request, Response and streams per delivery.
import type { IncomingMessage, ServerResponse } from "node:http";
import { AppError, errorAnswer } from "@/lib/errors";
import { log } from "@/lib/log";
import { answerPortalDelivery, PORTAL_RETRY_MESSAGE, type PortalDeliveryAnswer } from "./portal-delivery-response";
import { getDirectLane, registerDirectLane, type DirectLane } from "@/lib/http/direct-lane-registry.mjs";
import { bodyTimedOut, tooLarge } from "../../../../lib/http/body-limit";
import { MAX_WEBHOOK_BODY_BYTES, type DeliveryRequest } from "../../../../lib/http/read-json-body";
import { BASE_SECURITY_HEADERS } from "../../../../lib/http/security-headers";

export const PORTAL_WEBHOOK_PREFIX = "/api/webhooks/portais/";

/** serve() takes POSTs under the prefix; drain() waits for the deliveries in flight and their after-response work. */
export type PortalWebhookLane = DirectLane;

/** Called from instrumentation.ts, inside Next's server bundle, so the lane shares its db, KV and pipeline. */
export function registerPortalWebhookLane(): void {
  if (!getDirectLane()) registerDirectLane(createPortalWebhookLane());
}

export function createPortalWebhookLane(): PortalWebhookLane {
  const inFlight = new Set<Promise<void>>();
  // Nothing here may reject unobserved: one odd request must not take the web process down.
  const track = (work: Promise<void>) => {
    const settled: Promise<void> = work
      .catch((err: unknown) => log.error("webhook.direct_lane_failed", { error: String(err) }))
      .finally(() => inFlight.delete(settled));
    inFlight.add(settled);
  };
  return {
    serve(req, res) {
      const rota = req.method === "POST" ? routeOf(req.url) : null;
      if (!rota) return false;
      track(answer(req, res, rota));
      return true;
    },
    async drain() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };

  async function answer(req: IncomingMessage, res: ServerResponse, rota: string[] | AppError): Promise<void> {
    const later: Array<() => Promise<void>> = [];
    let answered = false;
    // Work queued once the answer is out (an intake that outlived its deadline) starts at once.
    const queue = (work: () => Promise<void>) => {
      if (answered) track(work());
      else later.push(work);
      return true;
    };
    try {
      const result =
        rota instanceof AppError ? errorAnswer(rota) : await answerPortalDelivery(deliveryOfNode(req), rota, queue);
      await writeAnswer(req, res, result);
    } catch (err) {
      // answerPortalDelivery turns every failure into an answer, so this is the lane's own bug:
      // a 503 makes the portal deliver again instead of waiting on a silent socket.
      if (!res.headersSent && !res.destroyed)
        await writeAnswer(
          req,
          res,
          errorAnswer(
            new AppError("service_unavailable", PORTAL_RETRY_MESSAGE, { cause: err, headers: { "retry-after": "30" } }),
          ),
        );
      else res.destroy();
      throw err;
    }
    // The work the route leaves to Next's `after`: it waits for the response, never the portal for it.
    answered = true;
    for (const work of later) track(work());
  }
}

/** [portal, agency, …] when the path is under the prefix; an AppError (400) when a segment is not valid percent-encoding. */
export function routeOf(url: string | undefined): string[] | AppError | null {
  if (!url?.startsWith(PORTAL_WEBHOOK_PREFIX)) return null;
  const query = url.indexOf("?");
  const path = url.slice(PORTAL_WEBHOOK_PREFIX.length, query === -1 ? undefined : query);
  const segments = path.split("/").filter((s) => s !== "");
  if (segments.length === 0) return null; // not a portal route; Next answers as it would
  try {
    return segments.map((s) => decodeURIComponent(s));
  } catch {
    return new AppError("bad_request", "Caminho do webhook com codificação inválida");
  }
}

/** The node request as readJsonBody reads a delivery: headers, and the body counted as it arrives. */
export function deliveryOfNode(req: IncomingMessage): DeliveryRequest {
  return {
    headers: {
      get(name) {
        const value = req.headers[name.toLowerCase()];
        return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
      },
    },
    bytes: (limit, signal) => readNodeBody(req, limit, signal),
  };
}

/**
 * Past `limit` bytes, or once `signal` aborts (408), it stops reading and refuses, leaving the socket
 * open for the answer (writeAnswer then closes the connection); iterating the stream instead would
 * destroy the socket on the early exit, and the portal would see a reset instead of the answer.
 */
function readNodeBody(req: IncomingMessage, limit: number, signal?: AbortSignal): Promise<Buffer> {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(tooLarge(limit));
  if (req.destroyed) return Promise.reject(hungUp());
  if (signal?.aborted) return Promise.reject(bodyTimedOut());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (outcome: () => void) => {
      req.off("data", onData).off("end", onEnd).off("error", onError).off("close", onClose);
      signal?.removeEventListener("abort", onAbort);
      outcome();
    };
    const onAbort = () => {
      req.pause();
      finish(() => reject(bodyTimedOut()));
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > limit) {
        req.pause();
        return finish(() => reject(tooLarge(limit)));
      }
      chunks.push(chunk);
    };
    const onEnd = () => finish(() => resolve(Buffer.concat(chunks, size)));
    const onError = (err: Error) => finish(() => reject(hungUp(err)));
    const onClose = () => finish(() => reject(hungUp()));
    req.on("data", onData).on("end", onEnd).on("error", onError).on("close", onClose);
  });
}

// The portal's side went away mid-body: its fault, nobody will read the answer, and not an error of ours to log.
const hungUp = (cause?: Error) => new AppError("bad_request", "A conexão fechou antes do fim do corpo", { cause });

async function writeAnswer(req: IncomingMessage, res: ServerResponse, answer: PortalDeliveryAnswer): Promise<void> {
  if (res.destroyed) return; // the portal hung up; it will deliver again
  const body = JSON.stringify(answer.body);
  res.statusCode = answer.status;
  for (const [name, value] of Object.entries(answer.headers)) res.setHeader(name, value);
  res.setHeader("content-type", "application/json");
  res.setHeader("content-length", Buffer.byteLength(body));
  // What next.config.ts headers() adds to Next's answers; of those, only this one matters for JSON.
  res.setHeader("x-content-type-options", BASE_SECURITY_HEADERS["x-content-type-options"]);
  // Refused before its body was read (401, 413…): the rest of the body is still on the socket and
  // would be parsed as the next request, so this connection ends with the answer.
  if (!req.complete) {
    res.setHeader("connection", "close");
    // A small rest (announced, within the limit) is read and dropped first: closing a socket with
    // unread data sends a reset, which can reach the portal before the answer does.
    const declared = Number(req.headers["content-length"]);
    if (answer.status !== 408 && Number.isFinite(declared) && declared <= MAX_WEBHOOK_BODY_BYTES)
      await discardRest(req);
  }
  await new Promise<void>((resolve) => {
    res.once("error", (err) => log.warn("webhook.response_failed", { error: String(err) }));
    res.once("close", resolve); // after the end, or when the socket went first
    res.end(body);
  });
}

/** Reads what is left of the body, without keeping it; gives up after a second (a stalled sender). */
function discardRest(req: IncomingMessage): Promise<void> {
  if (req.complete || req.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      req.off("end", done).off("close", done).off("error", done);
      resolve();
    };
    const timer = setTimeout(done, 1000);
    req.on("end", done).on("close", done).on("error", done);
    req.resume();
  });
}
