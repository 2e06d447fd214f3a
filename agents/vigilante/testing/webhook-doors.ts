// Test support: the two doors a portal delivery can come through, behind one `post`. The route
// handler is called as Next.js would call it; the direct lane (lib/http/portal-webhook-lane.ts) is
// served by a real node:http server on a random localhost port, as scripts/web-server.mjs serves it.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { POST } from "@/app/api/webhooks/portais/[...rota]/route";
import { createPortalWebhookLane, PORTAL_WEBHOOK_PREFIX, type PortalWebhookLane } from "@/lib/http/portal-webhook-lane";
import { deliveryRequest } from "./webhook-agency";

// Loose view of JSON responses, read field by field in assertions.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = Record<string, any>;
export type Answer = { status: number; json: Json; headers: Headers };

export type WebhookDoor = {
  name: string;
  /** `headers` may replace the JSON content type. */
  post(portal: string, slug: string, body: string, headers: Record<string, string>): Promise<Answer>;
  /** Waits for work left after the responses (the lane's), then closes what the door opened. */
  close(): Promise<void>;
};

export function routeDoor(): WebhookDoor {
  return {
    name: "rota do Next.js",
    async post(portal, slug, body, headers) {
      const res = await POST(deliveryRequest(portal, slug, body, headers), { params: Promise.resolve({ rota: [portal, slug] }) });
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
    lane, url, server,
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
      const res = await fetch(`${lane.url}${PORTAL_WEBHOOK_PREFIX}${portal}/${slug}`, {
        method: "POST", body, headers: { "content-type": "application/json", ...headers },
      });
      return { status: res.status, json: (await res.json()) as Json, headers: res.headers };
    },
    close: () => lane.close(),
  };
}
