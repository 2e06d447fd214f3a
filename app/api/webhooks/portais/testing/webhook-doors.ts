// Test support: the two doors a portal delivery can come through, behind one `post`. The route
// handler is called as Next.js would call it; the direct lane (app/api/webhooks/portais/portal-webhook-lane.ts) is
// served by a real node:http server on a random localhost port, as scripts/web-server.mjs serves it.
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { POST } from "@/app/api/webhooks/portais/[...rota]/route";
import {
  createPortalWebhookLane,
  PORTAL_WEBHOOK_PREFIX,
  type PortalWebhookLane,
} from "@/app/api/webhooks/portais/portal-webhook-lane";
import { deliveryRequest } from "./webhook-agency";

// Loose view of JSON responses, read field by field in assertions.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = Record<string, any>;
export type Answer = { status: number; json: Json; headers: Headers };

/** `stalledAfter`: these bytes are sent, then the body never ends (a portal stalled mid-body). */
export type StalledBody = { stalledAfter: Uint8Array };
/** A delivery's body: text, raw bytes (e.g. gzip with a content-encoding header) or a stalled one. */
export type DoorBody = string | Uint8Array | StalledBody;

export type WebhookDoor = {
  name: string;
  /** `headers` may replace the JSON content type. */
  post(portal: string, slug: string, body: DoorBody, headers: Record<string, string>): Promise<Answer>;
  /** Waits for work left after the responses (the lane's), then closes what the door opened. */
  close(): Promise<void>;
};

const isStalled = (body: DoorBody): body is StalledBody => typeof body === "object" && "stalledAfter" in body;

export function routeDoor(): WebhookDoor {
  return {
    name: "rota do Next.js",
    async post(portal, slug, body, headers) {
      const sent = isStalled(body)
        ? new ReadableStream<Uint8Array>({ start: (c) => c.enqueue(body.stalledAfter) })
        : body;
      const res = await POST(deliveryRequest(portal, slug, sent, headers), {
        params: Promise.resolve({ rota: [portal, slug] }),
      });
      return { status: res.status, json: (await res.json()) as Json, headers: res.headers };
    },
    close: async () => undefined,
  };
}

export type LaneServer = { lane: PortalWebhookLane; url: string; server: Server; close(): Promise<void> };

/** The lane on a localhost port; what it does not take answers 404 `not_taken`, standing in for Next.js. */
export async function startLaneServer(): Promise<LaneServer> {
  const lane = createPortalWebhookLane();
  const server = createServer((req, res) => {
    if (lane.serve(req, res)) return;
    res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: { code: "not_taken" } }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    lane,
    url,
    server,
    async close() {
      await lane.drain();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export async function laneDoor(): Promise<WebhookDoor> {
  const lane = await startLaneServer();
  return {
    name: "via direta (node:http)",
    async post(portal, slug, body, headers) {
      const url = `${lane.url}${PORTAL_WEBHOOK_PREFIX}${portal}/${slug}`;
      const allHeaders = { "content-type": "application/json", ...headers };
      if (isStalled(body)) return postStalled(url, allHeaders, body.stalledAfter);
      const res = await fetch(url, {
        method: "POST",
        body: typeof body === "string" ? body : new Uint8Array(body),
        headers: allHeaders,
      });
      return { status: res.status, json: (await res.json()) as Json, headers: res.headers };
    },
    close: () => lane.close(),
  };
}

/** Announces more bytes than it sends, sends the first ones, and waits for the server's answer. */
function postStalled(url: string, headers: Record<string, string>, first: Uint8Array): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      { method: "POST", headers: { ...headers, "content-length": String(first.byteLength + 1024) } },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => (text += c));
        res.on("end", () => {
          req.destroy();
          const answerHeaders = new Headers();
          for (const [name, value] of Object.entries(res.headers))
            if (typeof value === "string") answerHeaders.set(name, value);
          resolve({ status: res.statusCode!, json: JSON.parse(text) as Json, headers: answerHeaders });
        });
      },
    );
    req.on("error", reject);
    req.write(first);
  });
}

/** Both doors, for describe.each: [slug, open]. */
export const WEBHOOK_DOORS: [string, () => WebhookDoor | Promise<WebhookDoor>][] = [
  ["rota", routeDoor],
  ["via-direta", laneDoor],
];
