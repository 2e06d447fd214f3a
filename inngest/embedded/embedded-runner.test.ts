// Integration: the embedded runner drives the real pipeline (route handler → Vigilante →
// Orquestrador → Conselheiro) on a real database. Twilio is replaced at the HTTP boundary by a
// local fake server (lib/whatsapp/testing/fake-twilio-server.ts); nothing leaves the machine.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { templateWriter } from "@/agents/conselheiro/compose/templates";
import { twilioClientFor } from "@/lib/whatsapp/testing/fake-twilio-client";
import { createWebhookAgency } from "@/app/api/webhooks/portais/testing/webhook-agency";
import { eventos, mensagens } from "@/lib/db/schema";
import { createKv } from "@/lib/kv";
import { createOutboxClient } from "@/lib/whatsapp/outbox-client";
import { startFakeTwilioServer } from "@/lib/whatsapp/testing/fake-twilio-server";
import type { WhatsAppClient } from "@/lib/whatsapp/types";
import type { PipelineDeps } from "../deps";
import { registerEmbeddedRunner } from "../dispatch";
import { DEFAULT_RUNNER_OPTIONS, EmbeddedRunner } from "./embedded-runner";
import { postLead, registerRunnerTestDb, until } from "./testing/runner-harness";

const handle = registerRunnerTestDb();

const options = {
  ...DEFAULT_RUNNER_OPTIONS,
  sweepEveryMs: 60_000,
  sweep: { eventGraceMs: 0, sendLeaseMs: 120_000 },
  retryBaseMs: 10,
};

function deps(whatsapp: WhatsAppClient, now: () => Date = () => new Date()): PipelineDeps {
  return { db: handle().db, kv: createKv({ driver: "memory" }), whatsapp, now, writer: templateWriter };
}

/** A hot lead (Grupo OLX's visit request) posted to the real route; its lead id. */
const postHotLead = (slug: string, n: number) => postLead(slug, n);

async function alertsFor(leadId: string) {
  return handle().db.select().from(mensagens).where(eq(mensagens.leadId, leadId));
}

describe("embedded runner", () => {
  it("a hot lead posted while the runner listens becomes one outbox alert for its broker", async () => {
    const { brokers } = await createWebhookAgency(handle(), { slug: "runner-live", brokers: 2 });
    const runner = new EmbeddedRunner(deps(createOutboxClient()), options);
    registerEmbeddedRunner((name, data) => {
      if (name === "lead/received") runner.enqueueEvento(data as { eventoId: string; corretorId: string | null });
    });
    try {
      const leadId = await postHotLead("runner-live", 1);
      await until(async () => (await alertsFor(leadId)).some((m) => m.status === "outbox"));
      await runner.idle();
      const rows = await alertsFor(leadId);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ tipo: "alerta", status: "outbox" });
      expect(brokers.map((b) => b.id)).toContain(rows[0]!.corretorId);
      expect(rows[0]!.corpo).toContain("Pessoa runner-live 1");
    } finally {
      registerEmbeddedRunner(undefined);
      await runner.stop();
    }
  });

  it("on start, its sweep picks up events recorded while no runner was there", async () => {
    await createWebhookAgency(handle(), { slug: "runner-sweep", brokers: 2 });
    const leadIds = [await postHotLead("runner-sweep", 1), await postHotLead("runner-sweep", 2)];
    for (const id of leadIds) expect(await alertsFor(id)).toHaveLength(0);
    const runner = new EmbeddedRunner(deps(createOutboxClient()), options);
    await runner.runSweep();
    await runner.idle();
    await runner.stop();
    for (const id of leadIds) {
      expect((await alertsFor(id)).map((m) => m.status)).toEqual(["outbox"]);
      const [evt] = await handle().db.select().from(eventos).where(eq(eventos.leadId, id));
      expect(evt?.processado).toBe(true);
    }
  });

  it("killed mid-send, a restarted runner loses nothing and sends nothing twice", async () => {
    const fake = await startFakeTwilioServer();
    await createWebhookAgency(handle(), { slug: "runner-kill", brokers: 1 });
    const leadIds = [];
    for (let i = 1; i <= 4; i++) leadIds.push(await postHotLead("runner-kill", i));
    // Runner A: the third create lands at "Twilio" but the answer never comes back — then A is gone.
    fake.scriptCreates({ kind: "ok" }, { kind: "ok" }, { kind: "hang", create: true });
    const a = new EmbeddedRunner(deps(twilioClientFor(fake, 120_000)), options);
    await a.runSweep();
    await until(() => fake.creates.length >= 3);
    void a.stop(); // "killed": it takes no more work; its hung request never completes in time

    // Runner B starts later (the stale claim's lease has run out) and sweeps.
    const later = () => new Date(Date.now() + 3 * 60_000);
    const b = new EmbeddedRunner(deps(twilioClientFor(fake, 2_000), later), options);
    await b.runSweep();
    await b.idle();
    await b.stop();

    for (const id of leadIds) {
      const rows = await alertsFor(id);
      expect(
        rows.map((m) => m.status),
        id,
      ).toEqual(["enviada"]);
      expect(rows[0]!.providerSid).toMatch(/^SM/);
    }
    expect(fake.landed()).toBe(4);
    expect(new Set(fake.messages.map((m) => m.body)).size).toBe(4);
    await fake.close();
    await a.idle();
  });
});
