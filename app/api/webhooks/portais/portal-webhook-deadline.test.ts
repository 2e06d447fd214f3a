// Integration, both doors (route handler and direct lane): one deadline for the whole delivery. A
// body that stalls is answered 408 instead of holding the connection for the server's 300 s; an
// intake stuck on a lock is answered 503 and then records nothing that says otherwise — it rolls
// back, or, when its commit was already on its way, its delivery row says 503, what the portal got.
import { eq } from "drizzle-orm";
import { Client } from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { useDbForTests } from "@/lib/db/client";
import { entregasWebhook, leads } from "@/lib/db/schema";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { useIngestDeadlineForTests } from "./receive-portal-delivery";
import { authHeaders, createWebhookAgency, fixture, intakeTableCounts } from "./testing/webhook-agency";
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
afterEach(() => useIngestDeadlineForTests(null));

/**
 * Holds a lock from a transaction of its own until released. On Postgres, a second connection
 * locks `table` (EXCLUSIVE: reads pass, writes wait); PGlite runs one transaction at a time, so
 * there an open transaction holds every other one back.
 */
async function holdLock(table: "entregas_webhook" | "eventos"): Promise<{ release(): Promise<void> }> {
  if (handle.url) {
    const client = new Client({ connectionString: handle.url });
    await client.connect();
    await client.query("begin");
    await client.query(`lock table ${table} in exclusive mode`);
    return { release: async () => void (await client.query("commit"), await client.end()) };
  }
  let open!: () => void;
  let locked!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const taken = new Promise<void>((resolve) => (locked = resolve));
  const holder = handle.db.transaction(async (tx) => {
    await tx.select().from(entregasWebhook).limit(1);
    locked();
    await gate;
  });
  await taken;
  return { release: async () => (open(), await holder) };
}

describe.each(WEBHOOK_DOORS)(
  `portal delivery deadline (${process.env.DATABASE_URL ? "postgres" : "pglite"}), door: %s`,
  (doorSlug, openDoor) => {
    const SLUG = `prazo-${doorSlug}`;
    let door: WebhookDoor;
    let people = 0;
    const olx = (id: string) =>
      JSON.stringify({
        ...fixture("grupo-olx-lead-contact-form.json"),
        originLeadId: id,
        email: "",
        ddd: "",
        phone: "",
        phoneNumber: `1196${String(1_000_000 + ++people).slice(-7)}`,
      });
    const post = (body: Parameters<WebhookDoor["post"]>[2]) =>
      door.post("grupo-olx", SLUG, body, authHeaders("grupo-olx"));
    const deliveriesOf = (externalId: string) =>
      handle.db.select().from(entregasWebhook).where(eq(entregasWebhook.externalId, externalId));

    beforeAll(async () => {
      await createWebhookAgency(handle, { slug: SLUG, brokers: 2 });
      door = await openDoor();
      // The agency and its credential are memoized from here on: the deadline below times the body and the intake.
      expect((await post(olx(`${doorSlug}-warm-up`))).status).toBe(201);
    });
    afterAll(async () => door?.close());

    it("a body that stalls with valid credentials is a 408 at the deadline; nothing is stored", async () => {
      const before = await intakeTableCounts(handle.db);
      useIngestDeadlineForTests(1_500);
      const res = await post({ stalledAfter: Buffer.from(olx(`${doorSlug}-stalled`)).subarray(0, 60) });
      expect(res.status).toBe(408);
      expect(res.json.error).toMatchObject({
        code: "request_timeout",
        message: expect.stringMatching(/não chegou a tempo/),
      });
      useIngestDeadlineForTests(null);
      expect(await intakeTableCounts(handle.db)).toEqual(before);
      expect((await post(olx(`${doorSlug}-after-stall`))).status).toBe(201);
    });

    it("an intake held past the deadline is a 503 and commits nothing: the portal's retry is a fresh 201", async () => {
      const body = olx(`${doorSlug}-locked`);
      const lock = await holdLock("entregas_webhook");
      let answer;
      try {
        useIngestDeadlineForTests(1_000);
        answer = await post(body);
      } finally {
        useIngestDeadlineForTests(null);
        await lock.release();
      }
      expect(answer.status).toBe(503);
      expect(answer.headers.get("retry-after")).toBe("30");

      // The retry waits for the held intake's transaction (same delivery key), which rolled back.
      const retry = await post(body);
      expect(retry.status).toBe(201);
      expect(retry.json.status).toBe("criado");
      const rows = await deliveriesOf(`${doorSlug}-locked`);
      expect(rows.map((r) => [r.statusHttp, r.leadId])).toEqual([[201, retry.json.leadId]]);
    });

    it.skipIf(!process.env.DATABASE_URL)(
      "a commit that raced the deadline keeps its lead, and its delivery row says 503, as answered",
      async () => {
        const body = olx(`${doorSlug}-raced`);
        // The claim and the reads pass; the writes sent with COMMIT wait on the eventos lock.
        const lock = await holdLock("eventos");
        let answer;
        try {
          useIngestDeadlineForTests(1_000);
          answer = await post(body);
        } finally {
          useIngestDeadlineForTests(null);
          await lock.release();
        }
        expect(answer.status).toBe(503);
        await expect
          .poll(async () => (await deliveriesOf(`${doorSlug}-raced`))[0]?.statusHttp, { timeout: 10_000 })
          .toBe(503);
        const [row] = await deliveriesOf(`${doorSlug}-raced`);
        expect(row!.erro).toMatch(/depois do prazo/);
        const [lead] = await handle.db.select().from(leads).where(eq(leads.id, row!.leadId!));
        expect(lead?.origem).toBe("vivareal");

        const retry = await post(body);
        expect(retry.status).toBe(200);
        expect(retry.json).toMatchObject({ status: "duplicado", leadId: row!.leadId });
      },
    );
  },
);
