// The self-hosted server's direct lane for portal deliveries: scripts/web-server.mjs hands each
// POST /api/webhooks/portais/… here before Next.js's router sees it. Measured on this 2-core
// machine, Next's request path costs ≈ 2 ms of the main thread per request at 110 requests/s (the
// empty /api/ping), a third of a delivery's web CPU; the lane answers with the route's own function
// (respondToPortalDelivery), so behaviour is the same through either door.
import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { asRetryable } from "@/agents/vigilante/receive-portal-delivery";
import { AppError, errorResponse } from "@/lib/errors";
import { log } from "@/lib/log";
import { respondToPortalDelivery } from "./portal-delivery-response";

export const PORTAL_WEBHOOK_PREFIX = "/api/webhooks/portais/";

export type PortalWebhookLane = {
  /** True when it took the request (the server must not pass it to Next.js). */
  serve(req: IncomingMessage, res: ServerResponse): boolean;
  /** Resolves when every delivery in flight and its after-response work has finished. */
  drain(): Promise<void>;
};

const holder = globalThis as typeof globalThis & { __lastroPortalWebhookLane?: PortalWebhookLane };

/** Called from instrumentation.ts, inside Next's server bundle, so the lane shares its db, KV and pipeline. */
export function registerPortalWebhookLane(): void {
  holder.__lastroPortalWebhookLane ??= createPortalWebhookLane();
}

export function createPortalWebhookLane(): PortalWebhookLane {
  const inFlight = new Set<Promise<void>>();
  const track = (work: Promise<void>) => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
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
    const queue = (work: () => Promise<void>) => {
      later.push(work);
      return true;
    };
    let response: Response;
    try {
      response = rota instanceof AppError ? errorResponse(rota) : await respondToPortalDelivery(toWebRequest(req), rota, queue);
    } catch (err) {
      response = errorResponse(asRetryable(err));
    }
    await writeResponse(req, res, response);
    // The work the route leaves to Next's `after`: it waits for the response, never the portal for it.
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

function toWebRequest(req: IncomingMessage): Request {
  const headers = new Headers();
  const raw = req.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) headers.append(raw[i]!, raw[i + 1]!);
  // The body stays a stream: readJsonBody counts its bytes and stops past the limit, as in the route.
  const init: RequestInit & { duplex: "half" } = {
    method: "POST",
    headers,
    body: Readable.toWeb(req) as ReadableStream<Uint8Array>,
    duplex: "half",
  };
  return new Request(`http://localhost${req.url}`, init);
}

async function writeResponse(req: IncomingMessage, res: ServerResponse, response: Response): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  if (res.destroyed) return; // the portal hung up; it will deliver again
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.setHeader(name, value));
  // Refused before its body was read (401, 413…): the rest of the body is still on the socket and
  // would be parsed as the next request, so this connection ends with the answer.
  if (!req.complete) res.setHeader("connection", "close");
  res.setHeader("content-length", body.byteLength);
  await new Promise<void>((resolve) => {
    res.once("error", (err) => log.warn("webhook.resposta_falhou", { error: String(err) }));
    res.once("close", resolve); // after the end, or when the socket went first
    res.end(body);
  });
}
