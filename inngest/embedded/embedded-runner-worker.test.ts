// Integration: worker mode (PIPELINE_MODE=worker, `npm run worker`). The web side only records
// leads; a runner that nobody dispatches to finds them by polling Postgres. Real database;
// WhatsApp is the outbox, so nothing leaves the machine.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { templateWriter } from "@/agents/conselheiro/compose/templates";
import { createWebhookAgency } from "@/app/api/webhooks/portais/testing/webhook-agency";
import { useDbForTests } from "@/lib/db/client";
import { eventos, mensagens } from "@/lib/db/schema";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { createKv } from "@/lib/kv";
import { createOutboxClient } from "@/lib/whatsapp/outbox-client";
import { registerEmbeddedRunner } from "../dispatch";
import { DEFAULT_RUNNER_OPTIONS, EmbeddedRunner } from "./embedded-runner";
import { postLead, until } from "./testing/runner-harness";

let handle: TestDb;
beforeAll(async () => {
  handle = await createTestDb();
  useDbForTests(handle);
  registerEmbeddedRunner(undefined); // as in the web process of worker mode: dispatch reaches no runner
});
afterAll(async () => {
  useDbForTests(null);
  await handle.cleanup();
});

/** A hot lead (Grupo OLX's visit request) posted to the real route; its lead id. */
const postHotLead = (slug: string, n: number) =>
  postLead(slug, n, { phoneNumber: `1196${String(1000000 + n).slice(-7)}` });

describe("worker mode", () => {
  it("a runner that polls finds leads recorded by another process, decides each once and sends one alert each", async () => {
    await createWebhookAgency(handle, { slug: "worker-poll", brokers: 2 });
    const runner = new EmbeddedRunner(
      {
        db: handle.db,
        kv: createKv({ driver: "memory" }),
        whatsapp: createOutboxClient(),
        now: () => new Date(),
        writer: templateWriter,
      },
      // The 60 s sweep never fires here: only the poll can find the events.
      {
        ...DEFAULT_RUNNER_OPTIONS,
        sweepEveryMs: 60_000,
        pollEventsEveryMs: 20,
        sweep: { eventGraceMs: 60_000, sendLeaseMs: 120_000 },
      },
    );
    runner.start();
    try {
      const leadIds: string[] = [];
      for (let i = 1; i <= 5; i++) leadIds.push(await postHotLead("worker-poll", i));
      const alerts = async (id: string) => handle.db.select().from(mensagens).where(eq(mensagens.leadId, id));
      await until(async () =>
        (await Promise.all(leadIds.map(alerts))).every((rows) => rows.some((m) => m.status === "outbox")),
      );
      // Polls keep firing while events are being decided: none may be decided or sent twice.
      await new Promise((r) => setTimeout(r, 200));
      await runner.idle();
      for (const id of leadIds) {
        expect((await alerts(id)).map((m) => `${m.tipo}/${m.status}`)).toEqual(["alerta/outbox"]);
        const [evt] = await handle.db.select().from(eventos).where(eq(eventos.leadId, id));
        expect(evt?.processado).toBe(true);
      }
    } finally {
      await runner.stop();
    }
  });
});
