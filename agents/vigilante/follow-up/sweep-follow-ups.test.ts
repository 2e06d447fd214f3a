import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createScene, fixedClock, type Scene } from "@/agents/orquestrador/testing/orquestrador-fixture";
import { listEventosByLead } from "@/lib/db/queries/eventos";
import { insertInteracao, listInteracoesDoLead, saveAnaliseInteracao } from "@/lib/db/queries/interacoes";
import type { Lead } from "@/lib/db/queries/leads";
import { touchLeadInteracao } from "@/lib/db/queries/leads-resposta";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { createKv } from "@/lib/kv";
import { sweepFollowUps } from "./sweep-follow-ups";
import { createWorkedLead } from "./testing/follow-up-scene";

let testDb: TestDb;
beforeAll(async () => void (testDb = await createTestDb()));
afterAll(async () => void (await testDb?.cleanup()));

/** São Paulo is UTC−3: 23:30 on Tue 24/11 there is already Wed 25/11 in UTC. */
const TUE_2330_LOCAL = new Date("2026-11-25T02:30:00Z");
const local = (dia: string, hora = "00:10") => new Date(`${dia}T${hora}:00-03:00`);

const memoryKv = () => createKv({ driver: "memory" });

async function followUps(scene: Scene, lead: Lead) {
  const eventos = await listEventosByLead(scene.db, scene.agency.id, lead.id);
  return eventos.filter((e) => e.tipo === "follow_up_vencido");
}

/** One sweep at `at`, with its own KV (a fresh process): the daily mark never hides a step. */
async function sweepAt(scene: Scene, at: Date) {
  const clock = fixedClock(at);
  return sweepFollowUps({ db: scene.db, kv: memoryKv(), now: clock.now });
}

describe("follow-up cadence (1, 3, 7, 15 local days after the last interaction)", () => {
  it("fires each step once, on the agency's local days, not UTC's", async () => {
    const scene = await createScene(testDb.db);
    const lead = await createWorkedLead(scene, { status: "em_contato", ultimaInteracao: TUE_2330_LOCAL });

    // 00:10 on Wed 25/11 local: one local day after Tue 24/11 (in UTC the interaction was "today").
    await sweepAt(scene, local("2026-11-25"));
    await sweepAt(scene, local("2026-11-25", "15:00"));
    expect((await followUps(scene, lead)).map((e) => e.metadata?.dias)).toEqual([1]);

    await sweepAt(scene, local("2026-11-26", "12:00")); // 2 days: nothing due
    expect(await followUps(scene, lead)).toHaveLength(1);
    for (const dia of ["2026-11-27", "2026-11-28", "2026-12-01", "2026-12-09", "2026-12-20"]) {
      await sweepAt(scene, local(dia));
    }
    const passos = await followUps(scene, lead);
    expect(passos.map((e) => [e.metadata?.dias, e.dataDeteccao])).toEqual([
      [1, local("2026-11-25")],
      [3, local("2026-11-27")],
      [7, local("2026-12-01")],
      [15, local("2026-12-09")],
    ]);
    expect(passos[1]).toMatchObject({
      corretorId: scene.corretor.id,
      processado: false,
      titulo: "Follow-up: Maria Souza sem interação há 3 dias",
      acaoRecomendada: "Retome a conversa: pergunte se ainda procura imóvel e ofereça opções parecidas.",
    });
    expect(passos[1]!.descricao).toContain("sem interação desde 24/11");
    expect(passos[1]!.descricao).toContain("Passo 2 de 4");
  });

  it("the next action is the ConversationAnalyzer's latest suggestion when there is one", async () => {
    const scene = await createScene(testDb.db);
    const lead = await createWorkedLead(scene, { status: "proposta", ultimaInteracao: TUE_2330_LOCAL });
    await insertInteracao(scene.db, {
      leadId: lead.id,
      tipo: "mensagem_portal",
      data: new Date(TUE_2330_LOCAL.getTime() - 60_000),
      conteudo: "tem como financiar?",
    });
    const [portal] = await listInteracoesDoLead(scene.db, lead.id);
    await saveAnaliseInteracao(scene.db, {
      id: portal!.id,
      sentimento: "neutro",
      em: TUE_2330_LOCAL,
      analise: {
        intencao: "financiamento",
        sentimento: "neutro",
        objecoes: [],
        sinais: [],
        proximoPasso: "Envie uma simulação de financiamento.",
        motor: "regras-v1",
      },
    });
    await sweepAt(scene, local("2026-11-25"));
    const [passo] = await followUps(scene, lead);
    expect(passo).toMatchObject({ acaoRecomendada: "Envie uma simulação de financiamento." });
    expect(passo!.metadata).toMatchObject({ proximoPassoOrigem: "analise", status: "proposta" });
  });

  it("fechado and perdido stop it; novo and visita_realizada are not chased", async () => {
    const scene = await createScene(testDb.db);
    const leads = await Promise.all(
      (["fechado", "perdido", "novo", "visita_realizada"] as const).map((status) =>
        createWorkedLead(scene, { status, ultimaInteracao: TUE_2330_LOCAL }),
      ),
    );
    for (const dia of ["2026-11-25", "2026-11-27", "2026-12-01"]) await sweepAt(scene, local(dia));
    for (const lead of leads) expect(await followUps(scene, lead)).toEqual([]);
  });

  it("a new interaction restarts the cadence from it", async () => {
    const scene = await createScene(testDb.db);
    const lead = await createWorkedLead(scene, { status: "visita_agendada", ultimaInteracao: TUE_2330_LOCAL });
    await sweepAt(scene, local("2026-11-25"));
    // The broker writes a note on Thursday 26/11: the 3-day step of the old cadence never comes.
    await touchLeadInteracao(scene.db, lead, local("2026-11-26", "11:00"));
    await sweepAt(scene, local("2026-11-26", "12:00"));
    await sweepAt(scene, local("2026-11-27"));
    await sweepAt(scene, local("2026-11-28"));
    const passos = await followUps(scene, lead);
    expect(passos.map((e) => [e.metadata?.dias, e.metadata?.ultimaInteracao])).toEqual([
      [1, TUE_2330_LOCAL.toISOString()],
      [1, local("2026-11-26", "11:00").toISOString()],
    ]);
  });

  it("two runners sweeping at once write each step once", async () => {
    const scene = await createScene(testDb.db);
    const lead = await createWorkedLead(scene, { status: "em_contato", ultimaInteracao: TUE_2330_LOCAL });
    const at = local("2026-11-27");
    const [a, b] = await Promise.all([sweepAt(scene, at), sweepAt(scene, at)]);
    const mine = [...a, ...b].filter((e) => e.leadId === lead.id);
    expect(mine).toHaveLength(1);
    expect(await followUps(scene, lead)).toHaveLength(1);
  });

  it("a process sweeps an agency's cadence once per local day", async () => {
    const scene = await createScene(testDb.db);
    const kv = memoryKv();
    const clock = fixedClock(local("2026-11-25", "08:00"));
    const lead = await createWorkedLead(scene, { status: "em_contato", ultimaInteracao: TUE_2330_LOCAL });
    const first = await sweepFollowUps({ db: scene.db, kv, now: clock.now });
    expect(first.filter((e) => e.leadId === lead.id)).toHaveLength(1);
    // A lead that became due (imported later the same day) waits for tomorrow's pass on this process.
    const late = await createWorkedLead(scene, { status: "em_contato", ultimaInteracao: TUE_2330_LOCAL });
    clock.set(local("2026-11-25", "09:00"));
    expect((await sweepFollowUps({ db: scene.db, kv, now: clock.now })).some((e) => e.leadId === late.id)).toBe(false);
    clock.set(local("2026-11-26", "00:01"));
    await sweepFollowUps({ db: scene.db, kv, now: clock.now });
    expect((await followUps(scene, late)).map((e) => e.metadata?.dias)).toEqual([1]);
  });
});
