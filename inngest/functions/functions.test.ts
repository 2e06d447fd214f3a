// The Inngest functions, run by @inngest/test's engine with their real step bodies against a real
// database (getDb() points at the test database). Only step.sendEvent / step.sleep are mocked,
// so nothing is sent to an Inngest server; WhatsApp is the local outbox (no Twilio keys in tests).
import { InngestTestEngine } from "@inngest/test";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWebhookAgency } from "@/app/api/webhooks/portais/testing/webhook-agency";
import { useDbForTests } from "@/lib/db/client";
import { eventos, mensagens } from "@/lib/db/schema";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { postLead as postLeadToRoute } from "../embedded/testing/runner-harness";
import { processLead } from "./process-lead";
import { sendMessage } from "./send-message";
import { sweepPipeline } from "./sweep";

let handle: TestDb;
beforeAll(async () => {
  handle = await createTestDb();
  useDbForTests(handle);
  await createWebhookAgency(handle, { slug: "inngest-fn", brokers: 2 });
});
afterAll(async () => {
  useDbForTests(null);
  await handle.cleanup();
});

async function postLead(n: number) {
  const leadId = await postLeadToRoute("inngest-fn", n, { phoneNumber: `1196${String(1000000 + n).slice(-7)}` });
  const [evt] = await handle.db.select().from(eventos).where(eq(eventos.leadId, leadId));
  return { leadId, evento: evt! };
}

const sent: unknown[] = [];
const mockSendEvent = (id: string) => ({
  id,
  handler: () => {
    sent.push(id);
    return { ids: [] };
  },
});

describe("inngest functions", () => {
  it("process-lead decides the event and fans out one message/send; send-message sends it once", async () => {
    const { leadId, evento } = await postLead(1);
    const data = { eventoId: evento.id, leadId, imobiliariaId: evento.imobiliariaId!, corretorId: evento.corretorId };
    const t = new InngestTestEngine({
      function: processLead,
      events: [{ name: "lead/received", data }],
      steps: [mockSendEvent("enviar-mensagens")],
    });
    const { result, error } = await t.execute();
    expect(error).toBeUndefined();
    const { enviar } = result as { enviar: string[] };
    expect(enviar).toHaveLength(1);
    const [evt] = await handle.db.select().from(eventos).where(eq(eventos.id, evento.id));
    expect(evt?.processado).toBe(true);

    const sendRun = () =>
      new InngestTestEngine({
        function: sendMessage,
        events: [{ name: "message/send", data: { mensagemId: enviar[0]!, corretorId: evento.corretorId } }],
      }).execute();
    expect(((await sendRun()).result as { outcome: string }).outcome).toBe("outbox");
    // A duplicate trigger (Inngest retry, sweep) finds the row already done and does nothing.
    expect(((await sendRun()).result as { outcome: string }).outcome).toBe("ja_processada");
    const rows = await handle.db.select().from(mensagens).where(eq(mensagens.leadId, leadId));
    expect(rows.map((r) => r.status)).toEqual(["outbox"]);
  });

  it("a malformed payload is refused, naming the fields, and changes nothing", async () => {
    const before = await handle.db.select().from(mensagens);
    const t = new InngestTestEngine({
      function: processLead,
      events: [{ name: "lead/received", data: { eventoId: "" } }],
    });
    const { error } = await t.execute();
    expect(String((error as Error)?.message ?? error)).toMatch(/eventoId/);
    expect(await handle.db.select().from(mensagens)).toHaveLength(before.length);
  });

  it("the sweep finds undecided events and fans them out", async () => {
    const { evento } = await postLead(2);
    sent.length = 0;
    const t = new InngestTestEngine({
      function: sweepPipeline,
      events: [{ name: "inngest/scheduled.timer", data: {} }],
      steps: [mockSendEvent("disparar")],
    });
    const { result } = await t.execute();
    expect((result as { eventos: number }).eventos).toBe(0);
    // The event is younger than the sweep's grace period: left to its own trigger, not duplicated.
    expect(sent).toEqual([]);
    const [evt] = await handle.db.select().from(eventos).where(eq(eventos.id, evento.id));
    expect(evt?.processado).toBe(false);
  });
});
