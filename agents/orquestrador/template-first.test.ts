// The template-first rule at the decision: with a model configured, a hot alert whose deadline the
// queues already took is written as the template in the decision's own insert (the row says why),
// so the send offers it to no model and no second write is needed. No model is called here: only
// the configured deadline matters to the decision.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { updatePreferencias } from "@/lib/db/queries/corretores";
import { listMensagens } from "@/lib/db/queries/mensagens";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { orchestrate } from "@/inngest/steps";
import { LatencyWindow } from "@/lib/llm/latency";
import { processEvento } from "./process-evento";
import { createDefaultKv, createLeadEvento, createScene, fixedClock, TUE_1000 } from "./testing/orquestrador-fixture";

let testDb: TestDb;
const kv = createDefaultKv();
beforeAll(async () => void (testDb = await createTestDb()));
afterAll(async () => {
  await kv.close();
  await testDb?.cleanup();
});

/** The 2 s notification target, as a configured model carries it (lib/llm/types.ts). */
const modelo = { alertaPrazoMs: 2_000, alertaOrcamentoMs: 1_000 };
const at = (ms: number) => fixedClock(new Date(TUE_1000.getTime() + ms)).now;

async function hotLead(limiteDiario?: number) {
  const scene = await createScene(testDb.db);
  if (limiteDiario) await updatePreferencias(testDb.db, scene.agency.id, scene.corretor.id, { limiteDiario });
  const { evento } = await createLeadEvento(scene, { score: 90, at: TUE_1000 });
  const alertas = async () => listMensagens(testDb.db, scene.agency.id, { corretorId: scene.corretor.id, limit: 10 });
  return { scene, evento, alertas };
}

describe("a hot alert the deadline leaves no model turn", () => {
  it("is decided 1.8 s after the webhook: written as the template, marked why, sent without a model turn", async () => {
    const { evento, alertas } = await hotLead();
    const sends = await orchestrate({ db: testDb.db, kv, now: at(1_800), llm: modelo }, evento.id);

    const [alerta] = await alertas();
    expect(alerta).toMatchObject({ status: "pendente", escritaPor: "regras", escritaMotivo: "tempo_esgotado" });
    expect(sends).toEqual([expect.objectContaining({ mensagemId: alerta!.id, textoPronto: true })]);
  });

  it("is decided 200 ms after the webhook: left for the model's turn", async () => {
    const { evento, alertas } = await hotLead();
    const sends = await orchestrate({ db: testDb.db, kv, now: at(200), llm: modelo }, evento.id);

    const [alerta] = await alertas();
    expect(alerta).toMatchObject({ status: "pendente", escritaPor: null, escritaMotivo: null });
    expect(sends).toHaveLength(1);
    expect(sends[0]!.textoPronto).toBeUndefined();
  });

  it("is decided 200 ms after the webhook, but the model has lately missed such deadlines: the template, marked why", async () => {
    const { evento, alertas } = await hotLead();
    const latencia = new LatencyWindow();
    for (let i = 0; i < 10; i++) latencia.timedOut(1_000);
    const sends = await orchestrate({ db: testDb.db, kv, now: at(200), llm: { ...modelo, latencia } }, evento.id);

    const [alerta] = await alertas();
    expect(alerta).toMatchObject({ status: "pendente", escritaPor: "regras", escritaMotivo: "ia_lenta" });
    expect(sends).toEqual([expect.objectContaining({ mensagemId: alerta!.id, textoPronto: true })]);
  });

  it("without a model, a late decision leaves the text to the send, as before", async () => {
    const { evento, alertas } = await hotLead();
    const result = await processEvento({ db: testDb.db, kv, now: at(1_800) }, evento.id);

    expect((await alertas())[0]).toMatchObject({ escritaPor: null });
    expect(result.mensagens).toEqual([expect.objectContaining({ textoPronto: false })]);
  });

  it("an alert held by the quota keeps its model turn for when it is released", async () => {
    const first = await hotLead(1);
    await processEvento({ db: testDb.db, kv, now: at(100), llm: modelo }, first.evento.id); // takes the one slot
    const { evento } = await createLeadEvento(first.scene, { score: 95, at: TUE_1000 });
    const sends = await orchestrate({ db: testDb.db, kv, now: at(1_800), llm: modelo }, evento.id);

    const held = (await first.alertas()).find((m) => m.eventoId === evento.id);
    expect(held).toMatchObject({ status: "retida_cota", escritaPor: null });
    expect(sends).toEqual([]);
  });
});
