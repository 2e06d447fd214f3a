// Integration: the embedded runner's sweep finds a hot lead's follow-up and a visit's reminder and
// question, and sends each through the real sender to the fake Twilio server (nothing leaves the
// machine), exactly once with two runners sweeping at the same moment.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createScene, type Scene } from "@/agents/orquestrador/testing/orquestrador-fixture";
import { createWorkedLead } from "@/agents/vigilante/follow-up/testing/follow-up-scene";
import { recordMensagemRecebida } from "@/lib/db/queries/corretores-whatsapp";
import { setLeadVisitaEm } from "@/lib/db/queries/leads-visita";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { twilioClientFor } from "@/lib/whatsapp/testing/fake-twilio-client";
import { startFakeTwilioServer, type FakeTwilioServer } from "@/lib/whatsapp/testing/fake-twilio-server";
import { closeSlaChains, runnerAt as runnerOn, sweepWith } from "./embedded/testing/runner-harness";

const local = (dia: string, hora: string) => new Date(`${dia}T${hora}:00-03:00`);

let t: TestDb;
let fake: FakeTwilioServer;
let scene: Scene;

beforeAll(async () => {
  t = await createTestDb();
  fake = await startFakeTwilioServer();
  scene = await createScene(t.db);
  // The broker wrote us this morning: inside WhatsApp's 24-hour window, free text goes.
  await recordMensagemRecebida(t.db, scene.corretor.id, local("2026-11-27", "07:30"));
  await createWorkedLead(scene, {
    status: "em_contato",
    ultimaInteracao: local("2026-11-24", "15:00"),
    score: 90,
    nome: "Heitor Quente",
  });
  const visita = await createWorkedLead(scene, {
    status: "visita_agendada",
    ultimaInteracao: local("2026-11-26", "18:00"),
    nome: "Vivi Visita",
  });
  await setLeadVisitaEm(t.db, visita, local("2026-11-27", "12:00"));
  // These leads were worked without the interações that record a first response: the SLA chain
  // (its own test, agents/vigilante/sla) would take them for unanswered and remind the broker.
  await closeSlaChains(t.db, scene.agency.id);
});
afterAll(async () => {
  await fake?.close();
  await t?.cleanup();
});

const runnerAt = (at: Date) => runnerOn(t.db, twilioClientFor(fake, 2_000), at);

const bodies = () => fake.messages.map((m) => m.body ?? "");

describe("follow-ups and visits on the embedded runner's sweep", () => {
  it("two runners at 10:00: one follow-up alert and one visit reminder, each sent once", async () => {
    const at = local("2026-11-27", "10:00");
    await sweepWith(runnerAt(at), runnerAt(at));
    // A later sweep the same minute (a restart) finds everything done.
    await sweepWith(runnerAt(at), runnerAt(at));
    expect(bodies().filter((b) => b.startsWith("🔔 *Follow-up: Heitor Quente*"))).toHaveLength(1);
    expect(bodies().filter((b) => b.startsWith("📅 *Visita com Vivi Visita: 27/11 às 12h*"))).toHaveLength(1);
    expect(fake.landed({ to: scene.corretor.telefone })).toBe(2);
  });

  it("two runners an hour after the visit: one 'Como foi a visita?'", async () => {
    const at = local("2026-11-27", "13:01");
    await sweepWith(runnerAt(at), runnerAt(at));
    await sweepWith(runnerAt(at));
    expect(bodies().filter((b) => b.startsWith("🏠 *Como foi a visita com Vivi Visita?*"))).toHaveLength(1);
    expect(fake.landed({ to: scene.corretor.telefone })).toBe(3);
  });
});
