// "Enviar lead de teste": a sample in each portal's format, with the stored credential, through the
// webhook's own answering function into a real database. The lead is kept and visible, but goes to
// no broker: no alert, no roleta turn, flagged as a test.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { processEvento } from "@/agents/orquestrador/process-evento";
import { createDefaultKv } from "@/agents/orquestrador/testing/orquestrador-fixture";
import { useDbForTests } from "@/lib/db/client";
import { listIntegracoes } from "@/lib/db/queries/integracoes";
import { eventos, leads, mensagens } from "@/lib/db/schema";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { PORTAL_SLUGS } from "@/lib/portals";
import { createWebhookAgency } from "./testing/webhook-agency";
import { postSampleDelivery } from "./post-sample-delivery";

let t: TestDb;
const kv = createDefaultKv();
beforeAll(async () => {
  t = await createTestDb();
  useDbForTests(t);
});
afterAll(async () => {
  useDbForTests(null);
  await kv.close();
  await t?.cleanup();
});

const BASE = "https://lastro.example";

describe("postSampleDelivery", () => {
  it("each portal's sample is a new lead (201) that no broker is told about", async () => {
    const { agency } = await createWebhookAgency(t, { slug: "amostra", brokers: 2 });
    const integracoes = await listIntegracoes(t.db, agency.id);
    expect(integracoes.map((i) => i.portal).sort()).toEqual([...PORTAL_SLUGS].sort());
    for (const integracao of integracoes) {
      for (const vez of [1, 2]) {
        const answer = await postSampleDelivery(t.db, agency, integracao.id, BASE, new Date());
        expect(answer, `${integracao.portal} ${vez}`).toMatchObject({
          status: 201,
          resumo: "Lead criado, marcado como teste: não vai para nenhum corretor.",
          leadId: expect.stringMatching(/^lead_/),
        });
        const [lead] = await t.db.select().from(leads).where(eq(leads.id, answer!.leadId!));
        expect(lead).toMatchObject({ nome: "Lead de teste", corretorId: null });
        expect(lead!.metadata).toMatchObject({ teste: true, roteamento: "lead_de_teste" });
        const [evento] = await t.db.select().from(eventos).where(eq(eventos.leadId, lead!.id));
        const decided = await processEvento({ db: t.db, kv, now: () => new Date() }, evento!.id);
        expect(decided).toMatchObject({ mensagemIds: [], decisao: "sem_corretor" });
        const [depois] = await t.db.select().from(eventos).where(eq(eventos.id, evento!.id));
        expect(depois!.metadata).toMatchObject({ teste: true, decisao: { motivo: "lead_de_teste" } });
      }
    }
    expect(await t.db.select().from(mensagens)).toEqual([]);
  });

  it("another agency's credential id sends nothing", async () => {
    const { agency: a } = await createWebhookAgency(t, { slug: "amostra-a", brokers: 1 });
    const { agency: b } = await createWebhookAgency(t, { slug: "amostra-b", brokers: 1 });
    const [deB] = await listIntegracoes(t.db, b.id);
    const antes = await t.db.select().from(leads);
    expect(await postSampleDelivery(t.db, a, deB!.id, BASE, new Date())).toBeNull();
    expect(await t.db.select().from(leads)).toHaveLength(antes.length);
  });
});
