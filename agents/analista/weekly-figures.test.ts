// Integration: the PerformanceCalculator and DemandAggregator over one broker's week, on a small
// hand-made dataset whose figures are worked out by hand in the comments, against a real database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Corretor } from "@/lib/db/queries/corretores";
import { insertInteracao } from "@/lib/db/queries/interacoes";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { aggregateDemand, faixaPreco, rankDemand } from "./demand-aggregator";
import { calculatePerformance, median } from "./performance-calculator";
import { addLead, createBroker, createSummaryAgency, sp } from "./testing/summary-scene";

let t: TestDb;
let ana: Corretor;
const semana = { desde: sp("2026-11-16T00:00"), ate: sp("2026-11-23T00:00") };

beforeAll(async () => {
  t = await createTestDb();
  const agency = await createSummaryAgency(t.db);
  ana = await createBroker(t.db, agency, "Ana Lima");
  const bruno = await createBroker(t.db, agency, "Bruno Reis");
  const venda = (bairro: string, tipo: string, precoMin?: number, precoMax?: number) => ({
    bairro,
    tipo,
    finalidade: "venda" as const,
    precoMin,
    precoMax,
  });
  // First responses: L1 30 min, L2 5 min (see below), L3 10 min, L4 none, L5 540 min (Sunday 23:00 → Monday 08:00).
  await addLead(t.db, agency, ana, {
    at: sp("2026-11-16T09:00"),
    nome: "L1",
    score: 60,
    contatoEm: sp("2026-11-16T09:30"),
    busca: venda("Pinheiros", "apartamento", 765_000, 1_035_000),
  });
  const l2 = await addLead(t.db, agency, ana, {
    at: sp("2026-11-17T10:00"),
    nome: "L2",
    score: 90,
    visita: true,
    status: "visita_agendada",
    contatoEm: sp("2026-11-17T12:00"),
    busca: venda("pinheiros", "apartamento", undefined, 450_000),
  });
  await addLead(t.db, agency, ana, {
    at: sp("2026-11-18T14:00"),
    nome: "L3",
    score: 40,
    status: "perdido",
    contatoEm: sp("2026-11-18T14:10"),
    busca: { bairro: "Moema", tipo: "casa", finalidade: "aluguel", precoMax: 3_500 },
  });
  await addLead(t.db, agency, ana, {
    at: sp("2026-11-19T11:00"),
    nome: "L4",
    score: 20,
    busca: venda("Pinheiros", "apartamento", 850_000, 1_150_000),
  });
  await addLead(t.db, agency, ana, {
    at: sp("2026-11-22T23:00"),
    nome: "L5",
    score: 50,
    contatoEm: sp("2026-11-23T08:00"),
    busca: { bairro: "Vila Mariana", tipo: "studio" },
  });
  // Outside the week, or another broker's: never counted.
  await addLead(t.db, agency, ana, {
    at: sp("2026-11-23T00:30"),
    nome: "L6",
    score: 90,
    busca: venda("Moema", "casa"),
  });
  await addLead(t.db, agency, ana, {
    at: sp("2026-11-15T23:59"),
    nome: "L7",
    score: 90,
    busca: venda("Moema", "casa"),
  });
  await addLead(t.db, agency, bruno, {
    at: sp("2026-11-18T10:00"),
    nome: "B1",
    score: 90,
    busca: venda("Moema", "casa"),
  });
  // L2 has two contacts: the first one (10:05) is its first response, not the 12:00 one.
  await insertInteracao(t.db, {
    leadId: l2.id,
    tipo: "contato_corretor",
    data: sp("2026-11-17T10:05"),
    conteudo: "ligação",
  });
});
afterAll(async () => t?.cleanup());

describe("PerformanceCalculator", () => {
  it("counts the week's leads, those contacted, the median first response, visit requests and statuses", async () => {
    const d = await calculatePerformance(t.db, { corretorId: ana.id, ...semana });
    expect(d).toEqual({
      recebidos: 5,
      contatados: 4, // L1, L2, L3, L5 left `novo`
      percentualContatados: 80,
      // L2's first contact is the 10:05 call: 5 min. Sorted 5, 10, 30, 540 → (10 + 30) / 2.
      medianaPrimeiraRespostaMin: 20,
      respostasMedidas: 4,
      visitasSolicitadas: 1,
      porStatus: [
        { status: "novo", leads: 1 },
        { status: "em_contato", leads: 2 },
        { status: "visita_agendada", leads: 1 },
        { status: "perdido", leads: 1 },
      ],
    });
  });

  it("median: the middle value, the mean of the two middle ones, none for no values", () => {
    expect(median([540, 10, 30])).toBe(30);
    expect(median([120, 10, 30, 540])).toBe(75);
    expect(median([])).toBeNull();
  });
});

describe("DemandAggregator", () => {
  it("ranks the bairros, types and price bands the week's leads asked for", async () => {
    const d = await aggregateDemand(t.db, { corretorId: ana.id, ...semana });
    expect(d.leadsComBusca).toBe(5);
    // "pinheiros" and "Pinheiros" are one neighbourhood, named by its usual spelling; ties by name.
    expect(d.bairros).toEqual([
      { nome: "Pinheiros", leads: 3 },
      { nome: "Moema", leads: 1 },
      { nome: "Vila Mariana", leads: 1 },
    ]);
    expect(d.tipos).toEqual([
      { nome: "apartamento", leads: 3 },
      { nome: "casa", leads: 1 },
      { nome: "studio", leads: 1 },
    ]);
    // L1 ≈ 900 mil and L4 = 1 mi (bands include their upper bound), L2 up to 450 mil, L3 rents at 3.5 mil.
    expect(d.faixasPreco).toEqual([
      { nome: "R$ 500 mil a 1 mi", leads: 2 },
      { nome: "aluguel de R$ 2 a 4 mil", leads: 1 },
      { nome: "R$ 300 a 500 mil", leads: 1 },
    ]);
  });

  it("price bands: sale vs rent by purpose, else by amount; nothing without a price", () => {
    expect(faixaPreco({ precoMax: 2_500 })).toBe("aluguel de R$ 2 a 4 mil");
    expect(faixaPreco({ precoMin: 2_500_000 })).toBe("acima de R$ 2 mi");
    expect(faixaPreco({ finalidade: "venda", precoMax: 300_000 })).toBe("até R$ 300 mil");
    expect(faixaPreco({ bairro: "Moema" })).toBeNull();
    expect(rankDemand([], 3)).toEqual({ leadsComBusca: 0, bairros: [], tipos: [], faixasPreco: [] });
  });
});
