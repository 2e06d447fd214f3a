// The portal's answer does not wait on the work after the commit (pipeline trigger, KV invalidation):
// with a scheduler it runs afterwards; without one, before ingestLead returns. Real database
// (PGlite, or the Postgres at DATABASE_URL in CI); KV in memory; nothing leaves the machine.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getLeadById } from "@/lib/db/queries/leads";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { createMemoryKv } from "@/lib/kv/memory-kv";
import type { Dispatch } from "@/inngest/dispatch";
import { receivePortalDelivery } from "../../app/api/webhooks/portais/receive-portal-delivery";
import {
  authHeaders,
  createWebhookAgency,
  deliveryRequest,
  fixture,
} from "../../app/api/webhooks/portais/testing/webhook-agency";

let handle: TestDb;
let agencyId: string;
const SLUG = "depois-da-resposta";

beforeAll(async () => {
  handle = await createTestDb();
  agencyId = (await createWebhookAgency(handle, { slug: SLUG, brokers: 2 })).agency.id;
});
afterAll(async () => handle?.cleanup());

function delivery(externalId: string) {
  const body = JSON.stringify({ ...fixture("grupo-olx-lead-contact-form.json"), originLeadId: externalId });
  return deliveryRequest("grupo-olx", SLUG, body, authHeaders("grupo-olx"));
}

function deps(afterResponse?: (work: () => Promise<void>) => boolean) {
  const kv = createMemoryKv();
  const dispatched: string[] = [];
  const dispatch: Dispatch = async (name, data) =>
    void dispatched.push(`${name}:${(data as { eventoId: string }).eventoId}`);
  return { kv, dispatched, deps: { db: handle.db, kv, dispatch, now: () => new Date(), afterResponse } };
}

describe("work after the commit", () => {
  it("scheduled: the lead is committed at return, its pipeline trigger comes when the work runs", async () => {
    const scheduled: (() => Promise<void>)[] = [];
    const t = deps((work) => scheduled.push(work) > 0);
    const result = await receivePortalDelivery(t.deps, delivery("after-1"), { portal: "grupo-olx", imobiliaria: SLUG });

    expect(result.status).toBe("criado");
    expect(await getLeadById(handle.db, agencyId, result.leadId)).not.toBeNull();
    expect(t.dispatched).toEqual([]);

    expect(scheduled).toHaveLength(1);
    await scheduled[0]!();
    expect(t.dispatched).toEqual([`lead/received:${result.eventoId}`]);
  });

  it("no scheduler (outside a request): done before it returns", async () => {
    for (const afterResponse of [undefined, () => false]) {
      const t = deps(afterResponse);
      const result = await receivePortalDelivery(t.deps, delivery(`after-inline-${String(!!afterResponse)}`), {
        portal: "grupo-olx",
        imobiliaria: SLUG,
      });
      expect(t.dispatched).toEqual([`lead/received:${result.eventoId}`]);
    }
  });
});
