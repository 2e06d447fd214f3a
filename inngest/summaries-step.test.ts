// Integration: the embedded runner's sweep sends the due summaries through the real sender.
// Twilio is the local fake server (lib/whatsapp/testing/fake-twilio-server.ts); nothing leaves the
// machine. Two runners sweeping at once stand for a second process or a restart mid-tick.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addLead,
  createBroker,
  createSummaryAgency,
  HORARIO_COMERCIAL,
  sp,
} from "@/agents/analista/testing/summary-scene";
import type { Corretor } from "@/lib/db/queries/corretores";
import { mensagens } from "@/lib/db/schema";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { twilioClientFor } from "@/lib/whatsapp/testing/fake-twilio-client";
import { startFakeTwilioServer, type FakeTwilioServer } from "@/lib/whatsapp/testing/fake-twilio-server";
import {
  RUNNER_TEST_OPTIONS,
  closeSlaChains,
  runnerAt as runnerOn,
  sweepWith,
} from "./embedded/testing/runner-harness";

let t: TestDb;
let fake: FakeTwilioServer;
let eva: Corretor;
let fred: Corretor;
let gabi: Corretor;

beforeAll(async () => {
  t = await createTestDb();
  fake = await startFakeTwilioServer();
  const agency = await createSummaryAgency(t.db);
  eva = await createBroker(t.db, agency, "Eva Rocha");
  fred = await createBroker(t.db, agency, "Fred Lins");
  gabi = await createBroker(t.db, agency, "Gabi Nunes", {
    ...HORARIO_COMERCIAL,
    pausadoAte: sp("2026-11-25T00:00").toISOString(),
  });
  await addLead(t.db, agency, eva, { at: sp("2026-11-23T14:00"), nome: "Fabi Fria", score: 15 });
  await addLead(t.db, agency, fred, { at: sp("2026-11-23T15:00"), nome: "Vera Visita", score: 90, visita: true });
  await addLead(t.db, agency, gabi, { at: sp("2026-11-23T16:00"), nome: "Caio Frio", score: 20 });
  // Yesterday's unanswered leads would also get the SLA chain's reminders on this sweep (no sweep ran
  // yesterday): that chain is agents/vigilante/sla's to test; here only the summaries count.
  await closeSlaChains(t.db, agency.id);
});
afterAll(async () => {
  await fake?.close();
  await t?.cleanup();
});

const runnerAt = (iso: string) =>
  runnerOn(t.db, twilioClientFor(fake, 2_000), sp(iso), { ...RUNNER_TEST_OPTIONS, resumos: true });

describe("summaries on the embedded runner's sweep", () => {
  it("before the start of hours nothing is sent", async () => {
    await sweepWith(runnerAt("2026-11-24T07:59"));
    expect(fake.messages).toHaveLength(0);
  });

  it("two runners at the due time: each broker gets exactly one WhatsApp summary; a paused one none", async () => {
    await sweepWith(runnerAt("2026-11-24T08:00"), runnerAt("2026-11-24T08:00"));
    expect(fake.landed({ to: eva.telefone })).toBe(1);
    expect(fake.landed({ to: fred.telefone })).toBe(1);
    expect(fake.landed({ to: gabi.telefone })).toBe(0);
    expect(fake.messages.find((m) => m.to.endsWith(eva.telefone))?.body).toMatch(
      /Leads frios, só no resumo \(1\):\*\n• \*Fabi Fria\*/,
    );
    expect(fake.messages.find((m) => m.to.endsWith(fred.telefone))?.body).toMatch(
      /Pediram visita, sem contato \(1\):\*\n• \*Vera Visita\*/,
    );
    const [row] = await t.db
      .select()
      .from(mensagens)
      .where(and(eq(mensagens.corretorId, eva.id), eq(mensagens.tipo, "resumo")));
    expect(row).toMatchObject({ status: "enviada", idempotencyKey: `resumo:${eva.id}:2026-11-24` });
    expect(row!.providerSid).toMatch(/^SM/);
  });

  it("a restarted runner later that day sends nothing more", async () => {
    await sweepWith(runnerAt("2026-11-24T08:30"));
    expect(fake.landed({ to: eva.telefone })).toBe(1);
    expect(fake.landed({ to: fred.telefone })).toBe(1);
    expect(fake.messages).toHaveLength(2);
  });
});
