// Integration, both doors (route handler and direct lane): an accepted delivery records when its
// portal last delivered (integracoes.ultima_entrega_em, shown on the dashboard), with the intake's
// own writes; a duplicate changes nothing; and within a minute of the last one it is left as it is,
// so concurrent intakes never queue on that row. Real database: PGlite, or Postgres at DATABASE_URL.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDbForTests } from "@/lib/db/client";
import { integracoes } from "@/lib/db/schema";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { authHeaders, createWebhookAgency, fixture } from "./testing/webhook-agency";
import { WEBHOOK_DOORS, type WebhookDoor } from "./testing/webhook-doors";

let handle: TestDb;
beforeAll(async () => {
  handle = await createTestDb();
  useDbForTests(handle);
});
afterAll(async () => {
  useDbForTests(null);
  await handle.cleanup();
});

describe.each(WEBHOOK_DOORS)("integracoes.ultima_entrega_em, door: %s", (doorSlug, openDoor) => {
  const SLUG = `ultima-entrega-${doorSlug}`;
  let door: WebhookDoor;
  let agencyId: string;
  let people = 0;
  const olx = (id: string) =>
    JSON.stringify({
      ...fixture("grupo-olx-lead-contact-form.json"),
      originLeadId: id,
      email: "",
      phoneNumber: `1197${String(1_000_000 + ++people).slice(-7)}`,
    });
  const post = (body: string) => door.post("grupo-olx", SLUG, body, authHeaders("grupo-olx"));
  const lastDelivery = async (portal: "grupo-olx" | "imovelweb") => {
    const [row] = await handle.db
      .select({ at: integracoes.ultimaEntregaEm })
      .from(integracoes)
      .where(and(eq(integracoes.imobiliariaId, agencyId), eq(integracoes.portal, portal)));
    return row!.at;
  };

  beforeAll(async () => {
    agencyId = (await createWebhookAgency(handle, { slug: SLUG, brokers: 2 })).agency.id;
    door = await openDoor();
  });
  afterAll(async () => door?.close());

  it("an accepted delivery sets it; a duplicate and a delivery within the minute leave it", async () => {
    expect(await lastDelivery("grupo-olx")).toBeNull();
    const before = Date.now();
    const first = await post(olx(`${doorSlug}-1`));
    expect(first.status).toBe(201);
    const at = await lastDelivery("grupo-olx");
    expect(at).toBeInstanceOf(Date);
    expect(at!.getTime()).toBeGreaterThanOrEqual(before - 1_000);
    expect(at!.getTime()).toBeLessThanOrEqual(Date.now() + 1_000);
    // Another portal's credential is untouched.
    expect(await lastDelivery("imovelweb")).toBeNull();

    const duplicate = await post(olx(`${doorSlug}-1`));
    expect(duplicate.status).toBe(200);
    expect(duplicate.json).toMatchObject({ status: "duplicado", leadId: first.json.leadId });
    expect(await lastDelivery("grupo-olx")).toEqual(at);

    const second = await post(olx(`${doorSlug}-2`));
    expect(second.status).toBe(201);
    expect(await lastDelivery("grupo-olx")).toEqual(at);
  });

  it("a delivery more than a minute after the last one moves it forward", async () => {
    const old = new Date(Date.now() - 5 * 60_000);
    await handle.db
      .update(integracoes)
      .set({ ultimaEntregaEm: old })
      .where(and(eq(integracoes.imobiliariaId, agencyId), eq(integracoes.portal, "grupo-olx")));
    const res = await post(olx(`${doorSlug}-3`));
    expect(res.status).toBe(201);
    expect((await lastDelivery("grupo-olx"))!.getTime()).toBeGreaterThan(old.getTime() + 60_000);
  });
});
