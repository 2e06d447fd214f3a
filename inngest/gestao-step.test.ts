// Integration: the management's WhatsApp (the quiet-portal alert from the sweep, the manager's daily
// summary from the summaries step) through the embedded runner and the real sender, against the local
// fake Twilio server. Two runners sweeping at once stand for a second process or a restart mid-tick.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addLead, createBroker, createSummaryAgency, sp } from "@/agents/analista/testing/summary-scene";
import { upsertIntegracao } from "@/lib/db/queries/integracoes";
import { insertUsuario } from "@/lib/db/queries/usuarios";
import { entregasWebhook, mensagens, usuarios } from "@/lib/db/schema";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { newId } from "@/lib/ids";
import { twilioClientFor } from "@/lib/whatsapp/testing/fake-twilio-client";
import { startFakeTwilioServer, type FakeTwilioServer } from "@/lib/whatsapp/testing/fake-twilio-server";
import {
  RUNNER_TEST_OPTIONS,
  closeSlaChains,
  runnerAt as runnerOn,
  sweepWith,
} from "./embedded/testing/runner-harness";

const ADMIN = "+5511911140001";
const GESTOR = "+5511911140002";
let t: TestDb;
let fake: FakeTwilioServer;

beforeAll(async () => {
  t = await createTestDb();
  fake = await startFakeTwilioServer();
  const agency = await createSummaryAgency(t.db);
  for (const [papel, whatsapp] of [
    ["admin", ADMIN],
    ["gestor", GESTOR],
  ] as const) {
    const u = await insertUsuario(t.db, {
      email: `${papel}@gestao-step.example`,
      nome: `${papel} Teste`,
      senhaHash: "$2a$04$" + "a".repeat(53),
      papel,
      imobiliariaId: agency.id,
    });
    await t.db.update(usuarios).set({ whatsapp }).where(eq(usuarios.id, u.id));
  }
  const eva = await createBroker(t.db, agency, "Eva Rocha", { horario: { inicio: "08:00", fim: "20:00" }, dias: [1] });
  await addLead(t.db, agency, eva, { at: sp("2026-03-09T10:00"), nome: "Lia Lead", score: 60 });
  // Lia waits for her first response on purpose (the summary lists her); the SLA chain, tested in
  // agents/vigilante/sla, would also alert the managers about her: her chain is closed here.
  await closeSlaChains(t.db, agency.id);
  // Grupo OLX delivered at 12h every day from 23/02 to 08/03, then nothing (gap 24 h → quiet after 36 h).
  await upsertIntegracao(t.db, { imobiliariaId: agency.id, portal: "grupo-olx", segredo: "segredo-olx-123" });
  for (let d = 0; d < 14; d++) {
    const at = new Date(sp("2026-02-23T12:00").getTime() + d * 24 * 60 * 60_000);
    await t.db.insert(entregasWebhook).values({
      id: newId("ent", at.getTime()),
      imobiliariaId: agency.id,
      portal: "grupo-olx",
      externalId: `olx-${d}`,
      recebidoEm: at,
      resultado: "aceita",
      statusHttp: 201,
    });
  }
});
afterAll(async () => {
  await fake?.close();
  await t?.cleanup();
});

const runnerAt = (iso: string) =>
  runnerOn(t.db, twilioClientFor(fake, 2_000), sp(iso), { ...RUNNER_TEST_OPTIONS, resumos: true });

describe("the management's WhatsApp on the embedded runner", () => {
  it("Tuesday 08:00, two runners: one summary to each manager, one quiet-portal alert to the admin only", async () => {
    await sweepWith(runnerAt("2026-03-10T08:00"), runnerAt("2026-03-10T08:00"));
    const para = (n: string) => fake.messages.filter((m) => m.to.endsWith(n));
    expect(
      para(ADMIN)
        .map((m) => m.body.split("\n")[0])
        .sort(),
    ).toEqual(["⚠️ *Grupo OLX parou de enviar leads*", "📊 *Resumo da gestão — 09/03*"].sort());
    expect(para(GESTOR).map((m) => m.body.split("\n")[0])).toEqual(["📊 *Resumo da gestão — 09/03*"]);
    const rows = await t.db.select().from(mensagens);
    expect(rows.filter((r) => r.usuarioId).every((r) => r.status === "enviada" && r.corretorId === null)).toBe(true);
  });

  it("a later sweep the same day sends nothing more", async () => {
    const antes = fake.messages.length;
    await sweepWith(runnerAt("2026-03-10T09:00"));
    expect(fake.messages.filter((m) => m.to.endsWith(ADMIN) || m.to.endsWith(GESTOR))).toHaveLength(3);
    expect(fake.messages.length).toBe(antes);
  });
});
