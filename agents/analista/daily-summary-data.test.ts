// Integration: one broker's day as the summary counts it, against a real database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInboundScene, createLead, type InboundScene } from "@/agents/conselheiro/inbound/testing/twilio-inbound";
import { insertEvento } from "@/lib/db/queries/eventos";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { loadDailySummaryData, localDayBounds } from "./daily-summary-data";

let t: TestDb;
let s: InboundScene;
beforeAll(async () => {
  t = await createTestDb();
  s = await createInboundScene(t.db);
});
afterAll(async () => t?.cleanup());

describe("localDayBounds", () => {
  it("is the local midnight-to-midnight, 23 hours on a spring-forward day", () => {
    expect(localDayBounds(new Date("2026-11-24T02:59:00Z"), "America/Sao_Paulo")).toEqual({
      desde: new Date("2026-11-23T03:00:00Z"),
      ate: new Date("2026-11-24T03:00:00Z"),
    });
    const { desde, ate } = localDayBounds(new Date("2026-03-08T12:00:00Z"), "America/New_York");
    expect((ate.getTime() - desde.getTime()) / 3600_000).toBe(23);
  });
});

describe("loadDailySummaryData", () => {
  it("counts only the broker's leads of the local day, and the visit requests among them", async () => {
    const now = new Date("2026-11-24T20:00:00Z"); // 17:00 in São Paulo
    const visita = await createLead(t.db, s.agency, s.paulo.id, { at: new Date("2026-11-24T03:30:00Z"), score: 75 }); // 00:30 local
    await createLead(t.db, s.agency, s.paulo.id, { at: new Date("2026-11-24T02:30:00Z"), score: 75 }); // 23:30 the day before
    await createLead(t.db, s.agency, s.bruna.id, { at: new Date("2026-11-24T15:00:00Z"), score: 75 });
    await insertEvento(t.db, {
      imobiliariaId: s.agency.id,
      tipo: "visita_solicitada",
      urgencia: "alta",
      corretorId: s.paulo.id,
      leadId: visita.id,
      titulo: "Visita",
      descricao: "teste",
      acaoRecomendada: "teste",
      dataDeteccao: new Date("2026-11-24T03:30:00Z"),
    });
    const data = await loadDailySummaryData(t.db, { corretor: s.paulo, imobiliaria: s.agency, now });
    expect(data.contagem).toEqual({ novos: 1, quentes: 1, mornos: 0, frios: 0, contatados: 0, visitasSolicitadas: 1 });
    // The visit request is listed once, in its own section.
    expect(data.pediramVisita.map((l) => l.id)).toEqual([visita.id]);
    expect(data.semContato).toEqual([]);
    expect(data.retidos).toEqual([]);
    expect(data.vazio).toBe(false);
    expect(data.remetente).toEqual({
      corretorId: s.paulo.id,
      corretorNome: "Paulo Corretor",
      imobiliariaNome: "Imobiliária Centro",
    });
  });
});
