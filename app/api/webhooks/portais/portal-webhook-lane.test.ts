// The direct lane's own behaviour, over a real localhost socket (a node:http server as
// scripts/web-server.mjs runs it) into a real database (PGlite, or the Postgres at DATABASE_URL in
// CI). What both doors share (every fixture, every bad-input class, 200 concurrent duplicates) is in
// app/api/webhooks/portais/portal-webhook.test.ts. No portal is contacted: the test posts their payloads.
import { request as httpRequest } from "node:http";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authHeaders, createWebhookAgency, fixture } from "@/app/api/webhooks/portais/testing/webhook-agency";
import { startLaneServer, type LaneServer } from "@/app/api/webhooks/portais/testing/webhook-doors";
import { useDbForTests } from "@/lib/db/client";
import { entregasWebhook, eventos, leads } from "@/lib/db/schema";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { AppError } from "@/lib/errors";
import { PORTAL_WEBHOOK_PREFIX, routeOf } from "./portal-webhook-lane";

const SLUG = "via-direta";
let handle: TestDb;
let server: LaneServer;

beforeAll(async () => {
  handle = await createTestDb();
  useDbForTests(handle);
  await createWebhookAgency(handle, { slug: SLUG, brokers: 2 });
  server = await startLaneServer();
});
afterAll(async () => {
  await server?.close();
  useDbForTests(null);
  await handle.cleanup();
});

const deliveryUrl = (portal = "grupo-olx", slug = SLUG) => `${server.url}${PORTAL_WEBHOOK_PREFIX}${portal}/${slug}`;
// A new person each time (a repeated phone would be a repeat inquiry, answered 200 "vinculado").
let people = 0;
const olxBody = (id: string) =>
  JSON.stringify({
    ...fixture("grupo-olx-lead-contact-form.json"),
    originLeadId: id,
    phoneNumber: `1198${String(1_000_000 + ++people).slice(-7)}`,
    email: "",
  });

async function deliveries(): Promise<number> {
  const [row] = await handle.db.select({ n: count() }).from(entregasWebhook);
  return row!.n;
}

/** A raw request, to send what fetch would not (a chunked body of any size) and see the socket's end. */
function rawPost(
  url: string,
  headers: Record<string, string>,
  chunks: Buffer[],
): Promise<{ status: number; body: string; connection: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: "POST", headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode!, body, connection: res.headers.connection }));
    });
    req.on("error", reject);
    const writeNext = (i: number) => {
      if (i === chunks.length) return void req.end();
      if (!req.write(chunks[i]!)) req.once("drain", () => writeNext(i + 1));
      else setImmediate(() => writeNext(i + 1));
    };
    writeNext(0);
  });
}

describe("routeOf", () => {
  it("takes only paths under the portal prefix with at least a portal, without the query", () => {
    expect(routeOf("/api/webhooks/portais/grupo-olx/horizonte?x=1")).toEqual(["grupo-olx", "horizonte"]);
    expect(routeOf("/api/webhooks/portais/generico/minha%20imob/")).toEqual(["generico", "minha imob"]);
    expect(routeOf("/api/webhooks/portais/")).toBeNull();
    expect(routeOf("/api/webhooks/twilio")).toBeNull();
    expect(routeOf("/leads")).toBeNull();
    expect(routeOf(undefined)).toBeNull();
  });

  it("a segment that is not valid percent-encoding is a 400, not a crash", () => {
    const result = routeOf("/api/webhooks/portais/grupo-olx/%E0%A4%A");
    expect(result).toBeInstanceOf(AppError);
    expect((result as AppError).status).toBe(400);
  });
});

describe("the direct lane over HTTP", () => {
  it("leaves to Next.js what is not a POST under the prefix", async () => {
    for (const [method, path] of [
      ["GET", `${PORTAL_WEBHOOK_PREFIX}grupo-olx/${SLUG}`],
      ["POST", "/api/ping"],
      ["POST", PORTAL_WEBHOOK_PREFIX],
    ] as const) {
      const res = await fetch(`${server.url}${path}`, { method, body: method === "POST" ? "{}" : undefined });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("not_taken");
    }
  });

  it("answers a bad path encoding with a JSON 400 and stores nothing", async () => {
    const before = await deliveries();
    const res = await fetch(`${server.url}${PORTAL_WEBHOOK_PREFIX}grupo-olx/%E0%A4%A`, {
      method: "POST",
      body: olxBody("enc-1"),
      headers: { "content-type": "application/json", ...authHeaders("grupo-olx") },
    });
    expect(res.status).toBe(400);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("bad_request");
    expect(await deliveries()).toBe(before);
  });

  it("counts a chunked body's bytes (no Content-Length to trust): 413 past 256 KB, the connection closed, nothing stored", async () => {
    const before = await deliveries();
    const head = Buffer.from(`{"originLeadId":"chunked-1","message":"`);
    const filler = Array.from({ length: 40 }, () => Buffer.alloc(8 * 1024, "a"));
    const res = await rawPost(
      deliveryUrl(),
      { "content-type": "application/json", "transfer-encoding": "chunked", ...authHeaders("grupo-olx") },
      [head, ...filler, Buffer.from(`"}`)],
    );
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).error.code).toBe("payload_too_large");
    expect(res.connection).toBe("close");
    expect(await deliveries()).toBe(before);

    // The server is fine afterwards: the next delivery is stored.
    const next = await fetch(deliveryUrl(), {
      method: "POST",
      body: olxBody("after-413"),
      headers: { "content-type": "application/json", ...authHeaders("grupo-olx") },
    });
    expect(next.status).toBe(201);
  });

  it("a portal that hangs up mid-body stores nothing, and the lane goes on serving", async () => {
    const before = await deliveries();
    const body = Buffer.from(olxBody("hang-up-1"));
    await new Promise<void>((resolve) => {
      const req = httpRequest(deliveryUrl(), {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "content-length": String(body.length),
          ...authHeaders("grupo-olx"),
        },
      });
      req.on("error", () => resolve()); // the socket we destroy
      req.write(body.subarray(0, 100), () => setTimeout(() => req.destroy(), 50));
    });
    await server.lane.drain();
    expect(await deliveries()).toBe(before);
    const next = await fetch(deliveryUrl(), {
      method: "POST",
      body: olxBody("after-hang-up"),
      headers: { "content-type": "application/json", ...authHeaders("grupo-olx") },
    });
    expect(next.status).toBe(201);
  });

  it("a refusal before the body is read closes the connection; an accepted delivery keeps it", async () => {
    const refused = await rawPost(deliveryUrl(), { "content-type": "application/json" }, [
      Buffer.from(olxBody("no-auth")),
    ]);
    expect(refused.status).toBe(401);
    expect(refused.connection).toBe("close");
    const accepted = await rawPost(deliveryUrl(), { "content-type": "application/json", ...authHeaders("grupo-olx") }, [
      Buffer.from(olxBody("keep-alive-1")),
    ]);
    expect(accepted.status).toBe(201);
    expect(accepted.connection).not.toBe("close");
  });

  it("the lead is committed before the 201; the work after the answer is waited for by drain()", async () => {
    const res = await fetch(deliveryUrl(), {
      method: "POST",
      body: olxBody("after-work-1"),
      headers: { "content-type": "application/json", ...authHeaders("grupo-olx") },
    });
    expect(res.status).toBe(201);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    const { leadId } = (await res.json()) as { leadId: string };
    const [lead] = await handle.db.select().from(leads).where(eq(leads.id, leadId));
    expect(lead?.origem).toBe("vivareal");

    const [evento] = await handle.db.select().from(eventos).where(eq(eventos.leadId, leadId));
    expect(evento?.leadId).toBe(leadId);
    await server.lane.drain();
  });
});
