// Integration: routing through the real route handler and database (PGlite, or Postgres in CI).
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/webhooks/portais/[...rota]/route";
import { useDbForTests } from "@/lib/db/client";
import { updatePreferencias } from "@/lib/db/queries/corretores";
import { insertLead } from "@/lib/db/testing/leads";
import { leads } from "@/lib/db/schema";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import {
  authHeaders,
  createWebhookAgency,
  deliveryRequest,
  fixture,
} from "../../app/api/webhooks/portais/testing/webhook-agency";

let handle: TestDb;
beforeAll(async () => {
  handle = await createTestDb();
  useDbForTests(handle);
});
afterAll(async () => {
  useDbForTests(null);
  await handle.cleanup();
});

async function postLead(slug: string, n: number, extra: Record<string, unknown> = {}) {
  const body = {
    ...fixture("grupo-olx-lead-whatsapp-click.json"),
    originLeadId: `${slug}-${n}`,
    phoneNumber: `1191${String(1000000 + n).slice(-7)}`,
    email: `pessoa${n}@${slug}.example.com`,
    ...extra,
  };
  const res = await POST(deliveryRequest("grupo-olx", slug, JSON.stringify(body), authHeaders("grupo-olx")), {
    params: Promise.resolve({ rota: ["grupo-olx", slug] }),
  });
  expect(res.status).toBe(201);
  const { leadId } = (await res.json()) as { leadId: string };
  const [lead] = await handle.db.select({ corretorId: leads.corretorId }).from(leads).where(eq(leads.id, leadId));
  return lead!.corretorId!;
}

describe("lead routing", () => {
  it("roleta: 8 brokers and 80 concurrent leads give exactly 10 each", async () => {
    const { brokers } = await createWebhookAgency(handle, { slug: "roleta-80", brokers: 8 });
    const assigned = await Promise.all(Array.from({ length: 80 }, (_, i) => postLead("roleta-80", i)));
    const perBroker = new Map<string, number>();
    for (const id of assigned) perBroker.set(id, (perBroker.get(id) ?? 0) + 1);
    expect([...perBroker.keys()].sort()).toEqual(brokers.map((b) => b.id).sort());
    expect([...perBroker.values()]).toEqual(Array(8).fill(10));
  });

  it("roleta: on a tie, the broker holding fewer open leads gets the lead", async () => {
    const { agency, brokers } = await createWebhookAgency(handle, { slug: "roleta-carga", brokers: 2 });
    const [a, b] = [...brokers].sort((x, y) => x.id.localeCompare(y.id));
    // Without the tie-break the lower id (a) would win the first turn; a already holds two open leads.
    for (const n of [1, 2]) {
      await insertLead(handle.db, {
        imobiliariaId: agency.id,
        corretorId: a!.id,
        nome: `Antigo ${n}`,
        telefone: `+5511933300${n}0`,
      });
    }
    expect(await postLead("roleta-carga", 1)).toBe(b!.id);
  });

  it("roleta skips a paused broker", async () => {
    const { agency, brokers } = await createWebhookAgency(handle, { slug: "roleta-pausa", brokers: 3 });
    await updatePreferencias(handle.db, agency.id, brokers[0]!.id, {
      pausadoAte: new Date(Date.now() + 3600_000).toISOString(),
    });
    const assigned = await Promise.all(Array.from({ length: 6 }, (_, i) => postLead("roleta-pausa", i)));
    expect(assigned).not.toContain(brokers[0]!.id);
    expect(new Set(assigned).size).toBe(2);
  });

  it("dono do anúncio: the listing's broker gets its leads", async () => {
    const { owner } = await createWebhookAgency(handle, { slug: "dono", brokers: 4, roteamento: "dono_do_anuncio" });
    const assigned = await Promise.all(Array.from({ length: 4 }, (_, i) => postLead("dono", i)));
    expect(assigned).toEqual(Array(4).fill(owner.id));
  });

  it("dono do anúncio without a known listing falls back to the roleta", async () => {
    const { brokers } = await createWebhookAgency(handle, {
      slug: "dono-sem",
      brokers: 2,
      roteamento: "dono_do_anuncio",
    });
    const assigned = [];
    for (let i = 0; i < 4; i++)
      assigned.push(await postLead("dono-sem", i, { clientListingId: "NAO-EXISTE", originListingId: "0" }));
    expect(new Set(assigned)).toEqual(new Set(brokers.map((b) => b.id)));
  });

  it("a repeat inquiry stays with its broker even when the roleta moved on", async () => {
    await createWebhookAgency(handle, { slug: "retorno", brokers: 3 });
    const first = await postLead("retorno", 1);
    await postLead("retorno", 2);
    const res = await POST(
      deliveryRequest(
        "grupo-olx",
        "retorno",
        JSON.stringify({
          ...fixture("grupo-olx-lead-contact-form.json"),
          originLeadId: "retorno-again",
          phoneNumber: "11911000001",
          email: "",
        }),
        authHeaders("grupo-olx"),
      ),
      { params: Promise.resolve({ rota: ["grupo-olx", "retorno"] }) },
    );
    const { leadId, status } = (await res.json()) as { leadId: string; status: string };
    expect(status).toBe("vinculado");
    const [lead] = await handle.db.select().from(leads).where(eq(leads.id, leadId));
    expect(lead?.corretorId).toBe(first);
  });
});
