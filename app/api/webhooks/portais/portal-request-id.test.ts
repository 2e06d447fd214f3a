// Integration: the request id through the real portal route and database (PGlite, or Postgres in CI):
// answered in X-Request-Id, kept on the lead's evento, and carried by the send jobs the Orquestrador's
// decision produces, so the logs from webhook to WhatsApp share it.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/webhooks/portais/[...rota]/route";
import { getPipelineDeps } from "@/inngest/deps";
import { orchestrate } from "@/inngest/steps";
import { useDbForTests } from "@/lib/db/client";
import { eventos } from "@/lib/db/schema";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { authHeaders, createWebhookAgency, deliveryRequest, fixture } from "./testing/webhook-agency";

let handle: TestDb;
beforeAll(async () => {
  handle = await createTestDb();
  useDbForTests(handle);
  await createWebhookAgency(handle, { slug: "rastreio", brokers: 2 });
});
afterAll(async () => {
  useDbForTests(null);
  await handle.cleanup();
});

async function post(n: number, headers: Record<string, string> = {}) {
  const body = {
    ...fixture("grupo-olx-lead-visit-request.json"),
    originLeadId: `rastreio-${n}`,
    phoneNumber: `1193${String(1000000 + n).slice(-7)}`,
  };
  return POST(
    deliveryRequest("grupo-olx", "rastreio", JSON.stringify(body), { ...authHeaders("grupo-olx"), ...headers }),
    {
      params: Promise.resolve({ rota: ["grupo-olx", "rastreio"] }),
    },
  );
}

describe("X-Request-Id from the portal's webhook to the send", () => {
  it("answers the caller's id, keeps it on the evento, and hands it to the send jobs", async () => {
    const res = await post(1, { "x-request-id": "portal-olx-000123" });
    expect(res.status).toBe(201);
    expect(res.headers.get("x-request-id")).toBe("portal-olx-000123");
    const { leadId } = (await res.json()) as { leadId: string };
    const [evento] = await handle.db.select().from(eventos).where(eq(eventos.leadId, leadId));
    expect(evento!.metadata).toMatchObject({ requestId: "portal-olx-000123" });

    // A visit request is urgent: the decision writes an alert to send now, carrying the same id.
    const sends = await orchestrate(await getPipelineDeps(), evento!.id);
    expect(sends.length).toBeGreaterThan(0);
    for (const send of sends) expect(send.requestId).toBe("portal-olx-000123");
  });

  it("makes an id when the portal sends none, and answers it on errors too", async () => {
    const res = await post(2);
    expect(res.headers.get("x-request-id")).toMatch(/^req_/);
    const { leadId } = (await res.json()) as { leadId: string };
    const [evento] = await handle.db.select().from(eventos).where(eq(eventos.leadId, leadId));
    expect((evento!.metadata as { requestId: string }).requestId).toBe(res.headers.get("x-request-id"));

    const refused = await POST(deliveryRequest("grupo-olx", "rastreio", "{}", { authorization: "Basic eDp5" }), {
      params: Promise.resolve({ rota: ["grupo-olx", "rastreio"] }),
    });
    expect(refused.status).toBe(401);
    expect(refused.headers.get("x-request-id")).toMatch(/^req_/);
  });
});
