// Integration: the daily rollup (migration 0022) gives the dashboard the same figures as the raw rows.
// Leads arrive (one at 23:30 São Paulo), are answered at odd seconds, change stage, change broker,
// one is deleted; messages go pendente → enviada → lida or are held; a "lead de teste" arrives; then the
// agency moves to another timezone. After each step the rollup-backed statements must equal the raw
// ones for several periods and both scopes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Corretor } from "@/lib/db/queries/corretores";
import type { Imobiliaria } from "@/lib/db/queries/imobiliarias";
import { insertInteracao } from "@/lib/db/queries/interacoes";
import { insertMensagemOnce } from "@/lib/db/queries/mensagens";
import { executeRows } from "@/lib/db/execute-rows";
import { demandaQuery, demandaRollupQuery } from "@/lib/db/queries/metricas-demanda";
import { loadLeadsMetricasRaw, loadLeadsMetricasRollup, type MetricasScope } from "@/lib/db/queries/metricas-leads";
import { mensagensMetricasQuery, mensagensMetricasRollupQuery } from "@/lib/db/queries/metricas-mensagens";
import { estoqueQuery, estoqueRollupQuery } from "@/lib/db/queries/metricas-imoveis";
import { wholeLocalDays } from "@/lib/db/queries/metricas-rollup";
import { eventos, imobiliarias, imoveis, interacoes, leads, mensagens, type MensagemStatus } from "@/lib/db/schema";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { localDayRange } from "@/lib/time/local-day";
import { sql, type SQL } from "drizzle-orm";
import { calculatePeriodPerformance } from "./period-performance";
import { aggregateDemandVsStock } from "./demand-vs-stock";
import { addLead, createBroker, createSummaryAgency, sp } from "./testing/summary-scene";

let t: TestDb;
let agency: Imobiliaria;
let ana: Corretor;
let bruno: Corretor;

const at = (isoLocal: string, secs = 0) => new Date(sp(isoLocal).getTime() + secs * 1000);

/** [de, ate] inclusive local days in `tz`, as the page builds them. */
function periodo(de: string, ate: string, tz: string) {
  return { desde: localDayRange(de, tz)!.start, ate: localDayRange(ate, tz)!.end, timezone: tz };
}

// Arrays in a stable order and floats to 9 places, so two statements' JSON compare as figures.
function normal(v: unknown): unknown {
  if (typeof v === "string" && v.startsWith("[")) return normal(JSON.parse(v));
  if (Array.isArray(v)) return v.map(normal).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  if (typeof v === "number") return Math.round(v * 1e9) / 1e9;
  if (v && typeof v === "object")
    return Object.fromEntries(
      Object.entries(v)
        .filter(([k]) => k !== "cobre")
        .map(([k, x]) => [k, normal(x)]),
    );
  return v;
}
async function one(q: SQL) {
  const [row] = await executeRows<Record<string, unknown>>(t.db, q);
  return row ?? {};
}

// The rollup's count columns (the others are its key).
const CONTAGENS = new Set([
  "leads",
  "contato",
  "visita",
  "proposta",
  "fechado",
  "roleta",
  "enviadas",
  "retidas",
  "agendadas",
]);

const PERIODOS: [string, string][] = [
  ["2026-11-16", "2026-11-16"],
  ["2026-11-17", "2026-11-17"],
  ["2026-11-16", "2026-11-18"],
  ["2026-11-10", "2026-11-30"],
];

async function expectRollupEqualsRaw(tz: string) {
  const scopes: MetricasScope[] = [
    { imobiliariaId: agency.id, corretorId: null },
    { imobiliariaId: agency.id, corretorId: ana.id },
    { imobiliariaId: agency.id, corretorId: bruno.id },
  ];
  for (const [de, ate] of PERIODOS)
    for (const scope of scopes) {
      const p = periodo(de, ate, tz);
      const dias = wholeLocalDays(p)!;
      const rollupLeads = await loadLeadsMetricasRollup(t.db, scope, dias, tz);
      expect(rollupLeads, `${de}..${ate} ${tz}`).not.toBeNull();
      expect(normal(rollupLeads), `leads ${de}..${ate} ${scope.corretorId ?? "agência"}`).toEqual(
        normal(await loadLeadsMetricasRaw(t.db, scope, p)),
      );
      expect(normal(await one(mensagensMetricasRollupQuery(scope, dias, tz))), `mensagens ${de}..${ate}`).toEqual(
        normal(await one(mensagensMetricasQuery(scope, p))),
      );
      expect(normal(await one(demandaRollupQuery(scope, dias, tz))), `demanda ${de}..${ate}`).toEqual(
        normal(await one(demandaQuery(scope, p))),
      );
      expect(normal(await executeRows(t.db, estoqueRollupQuery(scope, dias, tz))), `estoque ${de}..${ate}`).toEqual(
        normal(await executeRows(t.db, estoqueQuery(scope, p))),
      );
    }
}

async function mensagem(c: Corretor, status: MensagemStatus, criadoEm: Date, key: string) {
  return insertMensagemOnce(t.db, {
    imobiliariaId: agency.id,
    corretorId: c.id,
    tipo: "alerta",
    destino: c.telefone,
    corpo: "🔥 Novo lead",
    status,
    idempotencyKey: `rollup:${key}`,
    criadoEm,
  });
}
const setStatus = (id: string, status: MensagemStatus) =>
  t.db.update(mensagens).set({ status }).where(eq(mensagens.id, id));

let l1: { id: string };
let l2: { id: string };
let l3: { id: string };
let m1: { id: string } | null;

beforeAll(async () => {
  t = await createTestDb();
  agency = await createSummaryAgency(t.db);
  ana = await createBroker(t.db, agency, "Ana Lima");
  bruno = await createBroker(t.db, agency, "Bruno Reis");
  for (const [codigo, corretorId] of [
    ["R1", ana.id],
    ["R2", bruno.id],
  ] as const)
    await t.db.insert(imoveis).values({
      id: `imv_${codigo}`,
      imobiliariaId: agency.id,
      corretorId,
      codigo,
      tipo: "apartamento",
      finalidade: "venda",
    });
  const busca = { finalidade: "venda" as const, bairro: "Pinheiros", tipo: "apartamento", precoMax: 900_000 };
  l1 = await addLead(t.db, agency, ana, {
    at: at("2026-11-16T09:00"),
    nome: "L1",
    score: 50,
    busca,
    imovelId: "imv_R1",
  });
  // 23:30 in São Paulo is 02:30 UTC on the 17th: still the 16th's lead.
  l2 = await addLead(t.db, agency, ana, { at: at("2026-11-16T23:30"), nome: "L2", score: 50, busca });
  l3 = await addLead(t.db, agency, bruno, {
    at: at("2026-11-17T10:00"),
    nome: "L3",
    score: 50,
    origem: "olx",
    imovelId: "imv_R1",
  });
  await addLead(t.db, agency, bruno, { at: at("2026-11-17T11:00", 7), nome: "L4", score: 50, origem: "olx" });
  await addLead(t.db, agency, ana, { at: at("2026-11-18T08:00"), nome: "L5", score: 50, busca: { bairro: "Moema" } });
  await t.db
    .update(leads)
    .set({ metadata: { roteamento: "roleta" } })
    .where(eq(leads.id, l3.id));
  m1 = (await mensagem(ana, "pendente", at("2026-11-16T09:00"), "1")).mensagem;
  await mensagem(bruno, "retida_cota", at("2026-11-17T23:59", 59), "2");
});
afterAll(async () => t?.cleanup());

describe("daily rollup against the raw rows", () => {
  it("matches after the leads arrive (a lead at 23:30 São Paulo is that local day)", async () => {
    const d = await calculatePeriodPerformance(
      t.db,
      { imobiliariaId: agency.id, corretorId: null },
      periodo("2026-11-16", "2026-11-16", "America/Sao_Paulo"),
    );
    expect(d.leadsPorDia).toEqual([{ dia: "2026-11-16", total: 2, porOrigem: { zap: 2 } }]);
    await expectRollupEqualsRaw("America/Sao_Paulo");
  });

  it("matches after first responses at odd seconds, stage moves, a reassignment and message outcomes", async () => {
    // L1 answered after 12 min 31.4 s, L2 after 4 min 59.9 s, L3 after 61 min (status move), L4 not at all.
    await insertInteracao(t.db, {
      leadId: l1.id,
      tipo: "contato_corretor",
      data: at("2026-11-16T09:12", 31.4),
      conteudo: "x",
    });
    await insertInteracao(t.db, {
      leadId: l2.id,
      tipo: "toque_link",
      data: at("2026-11-16T23:34", 59.9),
      conteudo: "x",
    });
    await insertInteracao(t.db, { leadId: l3.id, tipo: "mudanca_status", data: at("2026-11-17T11:01"), conteudo: "x" });
    // An earlier response replaces the first one.
    await insertInteracao(t.db, { leadId: l1.id, tipo: "nota", data: at("2026-11-16T09:03", 0.5), conteudo: "x" });
    await t.db.update(leads).set({ status: "visita_agendada" }).where(eq(leads.id, l1.id));
    await t.db.update(leads).set({ status: "fechado" }).where(eq(leads.id, l3.id));
    await t.db.update(leads).set({ corretorId: bruno.id }).where(eq(leads.id, l2.id));
    await setStatus(m1!.id, "enviando");
    await setStatus(m1!.id, "enviada");
    await setStatus(m1!.id, "lida");
    await expectRollupEqualsRaw("America/Sao_Paulo");

    const d = await calculatePeriodPerformance(
      t.db,
      { imobiliariaId: agency.id, corretorId: null },
      periodo("2026-11-16", "2026-11-18", "America/Sao_Paulo"),
    );
    // [3 min 0 s, 4 min 59 s, 61 min] → median 4.98 → 5; one sent (the lida), one held.
    expect(d.resposta).toEqual({ medianaMin: 5, p90Min: 50, medidas: 3 });
    expect(d.mensagens).toEqual({ enviadas: 1, retidas: 1, agendadas: 0 });
    expect(d.funil.map((e) => e.leads)).toEqual([5, 3, 2, 1, 1]);
  });

  it("a test lead ('Enviar lead de teste') counts in no figure; a deleted lead leaves them", async () => {
    const teste = await addLead(t.db, agency, ana, {
      at: at("2026-11-16T10:00"),
      nome: "Lead de teste",
      score: 50,
      busca: { bairro: "Teste" },
    });
    await t.db
      .update(leads)
      .set({ email: "x1@teste.lastro.invalid", metadata: { teste: true } })
      .where(eq(leads.id, teste.id));
    const d = await calculatePeriodPerformance(
      t.db,
      { imobiliariaId: agency.id, corretorId: null },
      periodo("2026-11-16", "2026-11-18", "America/Sao_Paulo"),
    );
    expect(d.funil[0]!.leads).toBe(5);
    const demanda = await aggregateDemandVsStock(
      t.db,
      { imobiliariaId: agency.id, corretorId: null },
      periodo("2026-11-16", "2026-11-18", "America/Sao_Paulo"),
    );
    expect(demanda.porDimensao.bairro.map((b) => b.nome)).not.toContain("Teste");
    await t.db.delete(interacoes).where(eq(interacoes.leadId, teste.id));
    await t.db.delete(eventos).where(eq(eventos.leadId, teste.id));
    await t.db.delete(leads).where(eq(leads.id, teste.id));
    await expectRollupEqualsRaw("America/Sao_Paulo");
  });

  it("the roleta's share counts only the leads the roleta routed", async () => {
    const d = await calculatePeriodPerformance(
      t.db,
      { imobiliariaId: agency.id, corretorId: null },
      periodo("2026-11-16", "2026-11-18", "America/Sao_Paulo"),
    );
    expect(d.roleta).toEqual({ leads: 1, partilhaPct: { [bruno.id]: 100 } });
  });

  it("after the agency moves to another timezone its days move with it; a period in another zone reads the raw rows", async () => {
    await t.db.update(imobiliarias).set({ timezone: "America/Manaus" }).where(eq(imobiliarias.id, agency.id));
    await expectRollupEqualsRaw("America/Manaus");
    // 23:30 in São Paulo is 22:30 in Manaus: still the 16th; L4 at 11:00:07 SP is the 17th either way.
    const manaus = await calculatePeriodPerformance(
      t.db,
      { imobiliariaId: agency.id, corretorId: null },
      periodo("2026-11-16", "2026-11-16", "America/Manaus"),
    );
    expect(manaus.leadsPorDia[0]!.total).toBe(2);
    // A São Paulo period of the Manaus agency: the rollup does not cover it, the figures come from the rows.
    const p = periodo("2026-11-16", "2026-11-16", "America/Sao_Paulo");
    const scope = { imobiliariaId: agency.id, corretorId: null };
    expect(await loadLeadsMetricasRollup(t.db, scope, wholeLocalDays(p)!, p.timezone)).toBeNull();
    const sp16 = await calculatePeriodPerformance(t.db, scope, p);
    expect(sp16.leadsPorDia).toEqual([{ dia: "2026-11-16", total: 2, porOrigem: { zap: 2 } }]);
  });

  it("a figure is the sum over the rollup's slices: a +1 in one connection's slice and a −1 in another's cancel", async () => {
    // What two connections writing the same day and broker leave behind; slices 100 and 101, out of
    // lastro_metricas_fatia()'s 0–7, so they never collide with the ones this test's own writes used.
    const pares: [string, string][] = [
      [
        "metricas_diarias",
        "imobiliaria_id, dia, corretor_id, origem, leads, contato, visita, proposta, fechado, roleta",
      ],
      ["metricas_respostas_diarias", "imobiliaria_id, dia, corretor_id, segundos, leads"],
      ["metricas_mensagens_diarias", "imobiliaria_id, dia, corretor_id, enviadas, retidas, agendadas"],
      ["demanda_diaria", "imobiliaria_id, dia, corretor_id, dimensao, chave, leads"],
    ];
    for (const [tabela, colunas] of pares)
      for (const [fatia, sinal] of [
        [100, 1],
        [101, -1],
      ] as const) {
        const chave = colunas.split(", ").filter((c) => !CONTAGENS.has(c));
        const valores = colunas.split(", ").map((c) => (CONTAGENS.has(c) ? String(sinal) : c));
        await t.db.execute(
          sql.raw(`insert into ${tabela} (${colunas}, fatia) select distinct on (${chave.join(", ")}) ${valores.join(", ")}, ${fatia}
            from ${tabela} where fatia < 8`),
        );
      }
    await expectRollupEqualsRaw("America/Manaus");
  });

  it("a period that does not start at a local midnight is not read from the rollup", () => {
    const p = periodo("2026-11-16", "2026-11-16", "America/Sao_Paulo");
    expect(wholeLocalDays(p)).toEqual({ de: "2026-11-16", ateExclusivo: "2026-11-17" });
    expect(wholeLocalDays({ ...p, desde: new Date(p.desde.getTime() + 60_000) })).toBeNull();
  });
});
