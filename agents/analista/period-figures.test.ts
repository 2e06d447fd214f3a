// Integration: the dashboard's PerformanceCalculator and DemandAggregator over three São Paulo days,
// on a small hand-made dataset; every expected figure is worked out by hand in the comments.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Corretor } from "@/lib/db/queries/corretores";
import type { Imobiliaria } from "@/lib/db/queries/imobiliarias";
import { insertInteracao } from "@/lib/db/queries/interacoes";
import { insertMensagemOnce } from "@/lib/db/queries/mensagens";
import { imoveis, type MensagemStatus } from "@/lib/db/schema";
import { countLeads } from "@/lib/db/queries/leads-lista";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { parseLeadsFiltros, toLeadsBusca } from "@/lib/painel/leads-filtros";
import { leadsDoPeriodoHref, searchParamsOf } from "@/lib/painel/visao-geral-links";
import { aggregateDemandVsStock } from "./demand-vs-stock";
import { calculatePeriodPerformance } from "./period-performance";
import { calculatePerformance } from "./performance-calculator";
import { addLead, createBroker, createSummaryAgency, sp } from "./testing/summary-scene";

let t: TestDb;
let agency: Imobiliaria;
let ana: Corretor;
let bruno: Corretor;
let caio: Corretor;
// 16, 17 and 18 November, São Paulo days.
const periodo = { desde: sp("2026-11-16T00:00"), ate: sp("2026-11-19T00:00"), timezone: "America/Sao_Paulo" };
const scopeAgencia = () => ({ imobiliariaId: agency.id, corretorId: null });

async function mensagem(c: Corretor, status: MensagemStatus, criadoEm: Date, key: string) {
  await insertMensagemOnce(t.db, {
    imobiliariaId: agency.id,
    corretorId: c.id,
    tipo: "alerta",
    destino: c.telefone,
    corpo: "🔥 Novo lead",
    status,
    idempotencyKey: `teste:${key}`,
    criadoEm,
  });
}

beforeAll(async () => {
  t = await createTestDb();
  agency = await createSummaryAgency(t.db);
  ana = await createBroker(t.db, agency, "Ana Lima");
  bruno = await createBroker(t.db, agency, "Bruno Reis");
  caio = await createBroker(t.db, agency, "Caio Dias");
  const venda = { finalidade: "venda" as const };
  const imovel = async (codigo: string, v: Partial<typeof imoveis.$inferInsert>) =>
    t.db.insert(imoveis).values({
      id: `imv_${codigo}`,
      imobiliariaId: agency.id,
      codigo,
      tipo: "apartamento",
      finalidade: "venda",
      ...v,
    });
  await imovel("I1", { bairro: "Pinheiros", preco: 900_000 });
  await imovel("I2", { bairro: "Moema", tipo: "casa", finalidade: "aluguel", preco: 3_000 });
  await imovel("I3", { bairro: "Moema", preco: 2_500_000 });
  await imovel("I4", { bairro: "Vila Mariana", tipo: "studio", preco: 400_000, ativo: false });

  // Day 16: L1 (zap, answered in 30 min), L2 (zap, 23:30 local = 02:30 UTC on the 17th, still the 16th here).
  await addLead(t.db, agency, ana, {
    at: sp("2026-11-16T09:00"),
    nome: "L1",
    score: 50,
    contatoEm: sp("2026-11-16T09:30"),
    imovelId: "imv_I1",
    busca: { ...venda, bairro: "Pinheiros", tipo: "apartamento", precoMin: 765_000, precoMax: 1_035_000 },
  });
  const l2 = await addLead(t.db, agency, ana, {
    at: sp("2026-11-16T23:30"),
    nome: "L2",
    score: 50,
    status: "visita_agendada",
    contatoEm: sp("2026-11-16T23:50"),
    busca: { ...venda, bairro: "pinheiros", tipo: "apartamento", precoMax: 450_000 },
  });
  // The link tap at 23:40 comes before the "Já contatei" at 23:50: L2 waited 10 min.
  await insertInteracao(t.db, { leadId: l2.id, tipo: "toque_link", data: sp("2026-11-16T23:40"), conteudo: "toque" });

  // Day 17: L3 (olx, a status move after 60 min, now proposta), L4 (olx, 20 min, fechado).
  const l3 = await addLead(t.db, agency, bruno, {
    at: sp("2026-11-17T10:00"),
    nome: "L3",
    score: 50,
    origem: "olx",
    status: "proposta",
    busca: { bairro: "Moema", tipo: "casa", finalidade: "aluguel", precoMax: 3_500 },
  });
  await insertInteracao(t.db, { leadId: l3.id, tipo: "mudanca_status", data: sp("2026-11-17T11:00"), conteudo: "x" });
  await addLead(t.db, agency, bruno, {
    at: sp("2026-11-17T14:00"),
    nome: "L4",
    score: 50,
    origem: "olx",
    status: "fechado",
    contatoEm: sp("2026-11-17T14:20"),
    busca: { ...venda, bairro: "Pinheiros", tipo: "apartamento", precoMin: 850_000, precoMax: 1_150_000 },
  });

  // Day 18: L5 (zap, never answered), L6 (vivareal, 5 min, perdido), L7 (zap, 40 min: the 10:01 hand-over is no response).
  await addLead(t.db, agency, bruno, {
    at: sp("2026-11-18T08:00"),
    nome: "L5",
    score: 50,
    busca: { bairro: "Vila Mariana", tipo: "studio" },
  });
  await addLead(t.db, agency, ana, {
    at: sp("2026-11-18T09:00"),
    nome: "L6",
    score: 50,
    origem: "vivareal",
    status: "perdido",
    contatoEm: sp("2026-11-18T09:05"),
  });
  const l7 = await addLead(t.db, agency, ana, {
    at: sp("2026-11-18T10:00"),
    nome: "L7",
    score: 50,
    contatoEm: sp("2026-11-18T10:40"),
  });
  await insertInteracao(t.db, {
    leadId: l7.id,
    tipo: "mudanca_status",
    data: sp("2026-11-18T10:01"),
    conteudo: "passou adiante",
    metadata: { acao: "passar_adiante" },
  });

  // Outside the period (its end is exclusive) or another agency's: never counted.
  await addLead(t.db, agency, ana, { at: sp("2026-11-19T00:00"), nome: "L8", score: 50 });
  await addLead(t.db, agency, ana, { at: sp("2026-11-15T23:59"), nome: "L9", score: 50 });
  const outra = await createSummaryAgency(t.db);
  await addLead(t.db, outra, await createBroker(t.db, outra, "Zé"), {
    at: sp("2026-11-17T10:00"),
    nome: "X",
    score: 50,
  });

  await mensagem(ana, "enviada", sp("2026-11-16T09:00"), "1");
  await mensagem(ana, "retida_cota", sp("2026-11-16T23:30"), "2");
  await mensagem(ana, "agendada", sp("2026-11-18T22:00"), "3");
  await mensagem(bruno, "entregue", sp("2026-11-17T10:00"), "4");
  await mensagem(bruno, "retida_cota", sp("2026-11-17T14:00"), "5");
  await mensagem(bruno, "lida", sp("2026-11-18T08:00"), "6");
  await mensagem(bruno, "falhou", sp("2026-11-18T08:30"), "7");
  await mensagem(bruno, "enviada", sp("2026-11-19T00:00"), "8");
});
afterAll(async () => t?.cleanup());

describe("PerformanceCalculator over a period (dashboard)", () => {
  it("counts leads per São Paulo day and portal", async () => {
    const d = await calculatePeriodPerformance(t.db, scopeAgencia(), periodo);
    expect(d.dias).toEqual(["2026-11-16", "2026-11-17", "2026-11-18"]);
    expect(d.origens).toEqual(["zap", "olx", "vivareal"]); // 4, 2 and 1 leads
    expect(d.leadsPorDia).toEqual([
      { dia: "2026-11-16", total: 2, porOrigem: { zap: 2 } },
      { dia: "2026-11-17", total: 2, porOrigem: { olx: 2 } },
      { dia: "2026-11-18", total: 3, porOrigem: { zap: 2, vivareal: 1 } },
    ]);
  });

  it("first response per day and overall: median and p90 (interpolated), link taps and status moves count", async () => {
    const d = await calculatePeriodPerformance(t.db, scopeAgencia(), periodo);
    expect(d.respostaPorDia).toEqual([
      // 16: [10, 30] → median 20; p90 at rank 0.9 → 10 + 0.9 × 20 = 28.
      { dia: "2026-11-16", medianaMin: 20, p90Min: 28, medidas: 2 },
      // 17: [20, 60] → median 40; p90 20 + 0.9 × 40 = 56.
      { dia: "2026-11-17", medianaMin: 40, p90Min: 56, medidas: 2 },
      // 18: [5, 40] (L5 unanswered) → median 22.5 → 23; p90 5 + 0.9 × 35 = 36.5 → 37.
      { dia: "2026-11-18", medianaMin: 23, p90Min: 37, medidas: 2 },
    ]);
    // [5, 10, 20, 30, 40, 60] → median (20 + 30) / 2 = 25; p90 at rank 5 × 0.9 = 4.5 → 40 + 0.5 × 20 = 50.
    expect(d.resposta).toEqual({ medianaMin: 25, p90Min: 50, medidas: 6 });
  });

  it("funnel lead → contato → visita → proposta → fechado with the conversion from the step before", async () => {
    const d = await calculatePeriodPerformance(t.db, scopeAgencia(), periodo);
    expect(d.funil).toEqual([
      { etapa: "lead", leads: 7, conversaoPct: null },
      // Everyone but L5: L6 is perdido but was answered.
      { etapa: "contato", leads: 6, conversaoPct: 86 }, // 6/7 = 85.7 %
      { etapa: "visita", leads: 3, conversaoPct: 50 }, // L2, L3, L4: 3/6
      { etapa: "proposta", leads: 2, conversaoPct: 67 }, // L3, L4: 2/3
      { etapa: "fechado", leads: 1, conversaoPct: 50 }, // L4: 1/2
    ]);
  });

  it("per portal: volume, stages and conversion to visit and to closing", async () => {
    const d = await calculatePeriodPerformance(t.db, scopeAgencia(), periodo);
    expect(d.portais).toEqual([
      // zap: L1, L2, L5, L7; answered L1, L2, L7; visit L2 → 1/4.
      {
        origem: "zap",
        leads: 4,
        contato: 3,
        visita: 1,
        proposta: 0,
        fechado: 0,
        conversaoVisitaPct: 25,
        conversaoFechadoPct: 0,
      },
      // olx: L3 (proposta), L4 (fechado) → visit 2/2, closed 1/2.
      {
        origem: "olx",
        leads: 2,
        contato: 2,
        visita: 2,
        proposta: 2,
        fechado: 1,
        conversaoVisitaPct: 100,
        conversaoFechadoPct: 50,
      },
      {
        origem: "vivareal",
        leads: 1,
        contato: 1,
        visita: 0,
        proposta: 0,
        fechado: 0,
        conversaoVisitaPct: 0,
        conversaoFechadoPct: 0,
      },
    ]);
  });

  it("ranks every broker: leads, response, visit conversion, messages sent vs held, share of the leads", async () => {
    const d = await calculatePeriodPerformance(t.db, scopeAgencia(), periodo);
    expect(d.ranking).toEqual([
      // Ana: L1, L2, L6, L7 → [5, 10, 30, 40]: median 20, p90 at rank 2.7 → 30 + 0.7 × 10 = 37; visit L2 → 1/4;
      // share 4/7 = 57 %; messages: one sent, one held (the agendada is neither).
      {
        corretorId: ana.id,
        nome: "Ana Lima",
        leads: 4,
        medianaMin: 20,
        p90Min: 37,
        medidas: 4,
        conversaoVisitaPct: 25,
        enviadas: 1,
        retidas: 1,
        partilhaPct: 57,
      },
      // Bruno: L3, L4, L5 → [20, 60]: median 40, p90 56; visit L3, L4 → 2/3; share 3/7 = 43 %;
      // sent: entregue + lida (the failed one and the one on the 19th do not count).
      {
        corretorId: bruno.id,
        nome: "Bruno Reis",
        leads: 3,
        medianaMin: 40,
        p90Min: 56,
        medidas: 2,
        conversaoVisitaPct: 67,
        enviadas: 2,
        retidas: 1,
        partilhaPct: 43,
      },
      {
        corretorId: caio.id,
        nome: "Caio Dias",
        leads: 0,
        medianaMin: null,
        p90Min: null,
        medidas: 0,
        conversaoVisitaPct: null,
        enviadas: 0,
        retidas: 0,
        partilhaPct: 0,
      },
    ]);
  });

  it("messages per day: sent, held by the quota, scheduled", async () => {
    const d = await calculatePeriodPerformance(t.db, scopeAgencia(), periodo);
    expect(d.mensagensPorDia).toEqual([
      { dia: "2026-11-16", enviadas: 1, retidas: 1, agendadas: 0 },
      { dia: "2026-11-17", enviadas: 1, retidas: 1, agendadas: 0 },
      { dia: "2026-11-18", enviadas: 1, retidas: 0, agendadas: 1 },
    ]);
    expect(d.mensagens).toEqual({ enviadas: 3, retidas: 2, agendadas: 1 });
  });

  it("the overview's period card counts what its /leads link lists", async () => {
    const d = await calculatePeriodPerformance(t.db, scopeAgencia(), periodo);
    const href = leadsDoPeriodoHref({ de: "2026-11-16", ate: "2026-11-18" });
    const busca = toLeadsBusca(parseLeadsFiltros(searchParamsOf(href)), { scoreQuente: 80 });
    const { n } = await countLeads(t.db, scopeAgencia(), { n: busca });
    expect(d.funil[0]!.leads).toBe(7);
    expect(n).toBe(7);
  });

  it("a broker sees only their own leads and messages, and no ranking", async () => {
    const d = await calculatePeriodPerformance(t.db, { imobiliariaId: agency.id, corretorId: ana.id }, periodo);
    expect(d.ranking).toBeNull();
    // L1 em_contato, L2 visita_agendada, L6 perdido but answered, L7 em_contato.
    expect(d.funil.map((e) => e.leads)).toEqual([4, 4, 1, 0, 0]);
    expect(d.resposta).toEqual({ medianaMin: 20, p90Min: 37, medidas: 4 });
    expect(d.mensagens).toEqual({ enviadas: 1, retidas: 1, agendadas: 1 });
  });

  it("the weekly summary's median is the dashboard's (one rule: link taps and status moves count)", async () => {
    const semanal = await calculatePerformance(t.db, { corretorId: bruno.id, desde: periodo.desde, ate: periodo.ate });
    const painel = await calculatePeriodPerformance(t.db, { imobiliariaId: agency.id, corretorId: bruno.id }, periodo);
    // Bruno: [20, 60] (L3's only response is its status move) → 40 both ways.
    expect(semanal.medianaPrimeiraRespostaMin).toBe(40);
    expect(painel.resposta.medianaMin).toBe(40);
    expect(semanal.respostasMedidas).toBe(painel.resposta.medidas);
  });
});

describe("DemandAggregator against the stock (dashboard)", () => {
  it("crosses what the leads asked with the active listings; demanda reprimida and listings nobody asked about", async () => {
    const d = await aggregateDemandVsStock(t.db, scopeAgencia(), periodo);
    expect(d.leadsComBusca).toBe(5); // L1–L5
    expect(d.imoveisAtivos).toBe(3); // I4 is inactive
    expect(d.porDimensao.bairro).toEqual([
      { dimensao: "bairro", nome: "Pinheiros", leads: 3, imoveis: 1 }, // L1, L2 ("pinheiros"), L4; I1
      { dimensao: "bairro", nome: "Moema", leads: 1, imoveis: 2 }, // I2, I3
      { dimensao: "bairro", nome: "Vila Mariana", leads: 1, imoveis: 0 }, // I4 is inactive
    ]);
    expect(d.porDimensao.tipo).toEqual([
      { dimensao: "tipo", nome: "apartamento", leads: 3, imoveis: 2 }, // I1, I3
      { dimensao: "tipo", nome: "casa", leads: 1, imoveis: 1 },
      { dimensao: "tipo", nome: "studio", leads: 1, imoveis: 0 },
    ]);
    // L1 ≈ 900 mil, L4 = 1 mi → 500 mil–1 mi (I1 at 900 mil); L3 rents at 3.5 mil (I2 at 3 mil); L2 up to 450 mil.
    expect(d.porDimensao.faixa).toEqual([
      { dimensao: "faixa", nome: "R$ 500 mil a 1 mi", leads: 2, imoveis: 1 },
      { dimensao: "faixa", nome: "aluguel de R$ 2 a 4 mil", leads: 1, imoveis: 1 },
      { dimensao: "faixa", nome: "R$ 300 a 500 mil", leads: 1, imoveis: 0 },
    ]);
    // No listing first (by name), then leads per listing: Pinheiros 3/1, 500 mil–1 mi 2/1.
    expect(d.reprimida.map((r) => r.nome)).toEqual([
      "R$ 300 a 500 mil",
      "studio",
      "Vila Mariana",
      "Pinheiros",
      "R$ 500 mil a 1 mi",
    ]);
    expect(d.semConsulta.map((i) => i.codigo)).toEqual(["I2", "I3"]); // L1 asked about I1
  });
});
