import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { templateWriter } from "@/agents/conselheiro/compose/templates";
import { createScene, fixedClock } from "@/agents/orquestrador/testing/orquestrador-fixture";
import { sweepFollowUps } from "@/agents/vigilante/follow-up/sweep-follow-ups";
import { createWorkedLead } from "@/agents/vigilante/follow-up/testing/follow-up-scene";
import { touchLeadInteracao } from "@/lib/db/queries/leads-resposta";
import { setLeadVisitaEm } from "@/lib/db/queries/leads-visita";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { createKv } from "@/lib/kv";
import { loadDailySummaryData } from "./daily-summary-data";

let testDb: TestDb;
beforeAll(async () => void (testDb = await createTestDb()));
afterAll(async () => void (await testDb?.cleanup()));

const local = (dia: string, hora: string) => new Date(`${dia}T${hora}:00-03:00`);

describe("the broker's daily summary: follow-ups and visits of today", () => {
  it("lists today's follow-ups with their next step and today's visits with their time", async () => {
    const scene = await createScene(testDb.db);
    const ultima = local("2026-11-24", "15:00");
    const morno = await createWorkedLead(scene, { status: "em_contato", ultimaInteracao: ultima, nome: "Carla Dias" });
    const respondido = await createWorkedLead(scene, { status: "proposta", ultimaInteracao: ultima, nome: "Rui Melo" });
    const visita = await createWorkedLead(scene, {
      status: "visita_agendada",
      ultimaInteracao: local("2026-11-26", "18:00"),
      nome: "Bia Reis",
    });
    await setLeadVisitaEm(scene.db, visita, local("2026-11-27", "15:30"));
    const clock = fixedClock(local("2026-11-27", "00:05"));
    await sweepFollowUps({ db: scene.db, kv: createKv({ driver: "memory" }), now: clock.now });
    // Rui was called at 07:30, before the summary: no longer due.
    await touchLeadInteracao(scene.db, respondido, local("2026-11-27", "07:30"));

    clock.set(local("2026-11-27", "08:00"));
    const data = await loadDailySummaryData(scene.db, {
      corretor: scene.corretor,
      imobiliaria: scene.agency,
      now: clock.now(),
    });
    expect(data.followUps).toEqual([
      expect.objectContaining({
        id: morno.id,
        nome: "Carla Dias",
        proximoPasso: "Retome a conversa: pergunte se ainda procura imóvel e ofereça opções parecidas.",
      }),
    ]);
    expect(data.visitasHoje).toEqual([
      expect.objectContaining({ id: visita.id, visitaEm: local("2026-11-27", "15:30") }),
    ]);
    expect(data.vazio).toBe(false);

    const corpo = templateWriter.resumoDiario(data).corpo;
    expect(corpo).toContain("🏠 *Visitas de hoje (1):*\n• 15h30 *Bia Reis*");
    expect(corpo).toContain("🔔 *Follow-ups de hoje (1):*\n• *Carla Dias*");
    expect(corpo).toContain("· Retome a conversa: pergunte se ainda procura imóvel");
    expect(corpo).not.toContain("Rui Melo");
  });
});
