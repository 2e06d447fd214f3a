// The send-summaries cron function, run by @inngest/test's engine with its real step body against a
// real database (getDb() points at the test database). Only step.sendEvent is mocked, so nothing
// goes to an Inngest server; WhatsApp is the local outbox (no Twilio keys in tests). The wall
// clock is pinned (Date only) to a Tuesday morning in São Paulo, so the broker's summary is due.
import { InngestTestEngine } from "@inngest/test";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { addLead, createBroker, createSummaryAgency, sp } from "@/agents/analista/testing/summary-scene";
import type { Corretor } from "@/lib/db/queries/corretores";
import { useDbForTests } from "@/lib/db/client";
import { mensagens } from "@/lib/db/schema";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { sendSummaries } from "./send-summaries";

let handle: TestDb;
let ana: Corretor;
beforeAll(async () => {
  handle = await createTestDb();
  useDbForTests(handle);
  const agency = await createSummaryAgency(handle.db);
  ana = await createBroker(handle.db, agency, "Ana Lima");
  await addLead(handle.db, agency, ana, { at: sp("2026-11-23T14:00"), nome: "Fabi Fria", score: 15 });
  vi.useFakeTimers({ toFake: ["Date"], shouldAdvanceTime: true });
  vi.setSystemTime(sp("2026-11-24T08:05"));
});
afterAll(async () => {
  vi.useRealTimers();
  useDbForTests(null);
  await handle.cleanup();
});

const mockSendEvent = { id: "enviar-resumos", handler: () => ({ ids: [] }) };
const run = () =>
  new InngestTestEngine({
    function: sendSummaries,
    events: [{ name: "inngest/scheduled.timer", data: {} }],
    steps: [mockSendEvent],
  }).execute();

describe("send-summaries (cron)", () => {
  it("queues the due daily summary and fans it out as one message/send; a second tick does nothing", async () => {
    const first = await run();
    expect(first.error).toBeUndefined();
    expect(first.result).toMatchObject({ resumos: 1, envios: 1, falhas: 0 });
    const rows = await handle.db.select().from(mensagens).where(eq(mensagens.corretorId, ana.id));
    expect(rows.map((r) => [r.tipo, r.status, r.idempotencyKey])).toEqual([
      ["resumo", "pendente", `resumo:${ana.id}:2026-11-24`],
    ]);
    // The event id is the one the sweep uses for the same row, so Inngest drops a duplicate fan-out.
    expect(first.ctx.step.sendEvent).toHaveBeenCalledWith("enviar-resumos", [
      {
        name: "message/send",
        data: { mensagemId: rows[0]!.id, corretorId: ana.id },
        id: `message-send-${rows[0]!.id}`,
      },
    ]);

    const second = await run();
    expect(second.result).toMatchObject({ resumos: 0, envios: 0 });
    expect(second.ctx.step.sendEvent).not.toHaveBeenCalled();
    expect(await handle.db.select().from(mensagens).where(eq(mensagens.corretorId, ana.id))).toHaveLength(1);
  });
});
