// Integration: the summary scheduler's cycle on a real database, with a fixed clock. One agency in
// São Paulo: Ana (busy Monday), Bruno (nothing to report), Carla (paused until noon).
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Corretor } from "@/lib/db/queries/corretores";
import type { Imobiliaria } from "@/lib/db/queries/imobiliarias";
import { mensagens } from "@/lib/db/schema";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { queueDueSummaries } from "./queue-due-summaries";
import { addLead, createBroker, createSummaryAgency, HORARIO_COMERCIAL, sp } from "./testing/summary-scene";

let t: TestDb;
let agency: Imobiliaria;
let ana: Corretor;
let bruno: Corretor;
let carla: Corretor;

beforeAll(async () => {
  t = await createTestDb();
  agency = await createSummaryAgency(t.db);
  ana = await createBroker(t.db, agency, "Ana Lima");
  bruno = await createBroker(t.db, agency, "Bruno Reis");
  carla = await createBroker(t.db, agency, "Carla Dias", {
    ...HORARIO_COMERCIAL,
    pausadoAte: sp("2026-11-24T12:00").toISOString(),
  });
  // Ana's Monday 23/11.
  await addLead(t.db, agency, ana, { at: sp("2026-11-23T10:00"), nome: "Hugo Quente", score: 85, retida: true });
  await addLead(t.db, agency, ana, { at: sp("2026-11-23T14:00"), nome: "Fabi Fria", score: 15 });
  await addLead(t.db, agency, ana, { at: sp("2026-11-23T15:00"), nome: "Vera Visita", score: 90, visita: true });
  await addLead(t.db, agency, ana, {
    at: sp("2026-11-23T16:00"),
    nome: "Mauro Morno",
    score: 55,
    contatoEm: sp("2026-11-23T16:30"),
  });
  await addLead(t.db, agency, ana, { at: sp("2026-11-23T17:00"), nome: "Otto Alertado", score: 60 });
  // Still waiting from before: overnight, last Thursday; and one too old to list.
  await addLead(t.db, agency, ana, { at: sp("2026-11-24T06:00"), nome: "Noturno Frio", score: 10 });
  await addLead(t.db, agency, ana, { at: sp("2026-11-19T11:00"), nome: "Antiga Fria", score: 12 });
  await addLead(t.db, agency, ana, { at: sp("2026-11-14T11:00"), nome: "Velha Fria", score: 12 });
  // Carla has something to report too: only the pause keeps her summary back.
  await addLead(t.db, agency, carla, { at: sp("2026-11-23T11:00"), nome: "Caio Frio", score: 20 });
});
afterAll(async () => t?.cleanup());

const at = (iso: string) => ({ db: t.db, now: () => sp(iso) });

async function resumosDe(corretor: Corretor) {
  return t.db
    .select()
    .from(mensagens)
    .where(and(eq(mensagens.corretorId, corretor.id), inArray(mensagens.tipo, ["resumo", "resumo_semanal"])))
    .orderBy(mensagens.tipo);
}

describe("queueDueSummaries", () => {
  it("before the start of hours, nothing", async () => {
    expect((await queueDueSummaries(at("2026-11-24T07:59"))).enfileirados).toEqual([]);
    for (const c of [ana, bruno, carla]) expect(await resumosDe(c)).toEqual([]);
  });

  it("at the start of hours: one daily summary listing held alerts, visit requests, cold leads and the rest", async () => {
    const result = await queueDueSummaries(at("2026-11-24T08:00"));
    // Monday was missed, so last week's summary goes out now too (Antiga Fria arrived last Thursday).
    expect(result.enfileirados.map((r) => [r.corretorId, r.tipo]).sort()).toEqual([
      [ana.id, "resumo"],
      [ana.id, "resumo_semanal"],
    ]);
    expect(result.vazios.sort()).toEqual([`resumo:${bruno.id}:2026-11-24`, `resumo_semanal:${bruno.id}:2026-W47`]);

    const [diario] = await resumosDe(ana);
    expect(diario).toMatchObject({
      tipo: "resumo",
      status: "pendente",
      destino: ana.telefone,
      idempotencyKey: `resumo:${ana.id}:2026-11-24`,
      scheduledFor: null,
    });
    const linhas = diario!.corpo.split("\n");
    expect(linhas.slice(0, 4)).toEqual([
      "📊 *Resumo do dia 23/11*",
      "Novos leads: 5 (2 quentes, 2 mornos, 1 frios)",
      "Contatados: 1",
      "Visitas solicitadas: 1",
    ]);
    const secao = (titulo: string) => {
      const i = linhas.findIndex((l) => l.includes(titulo));
      expect(i, titulo).toBeGreaterThan(0);
      const fim = linhas.findIndex((l, j) => j > i && !l.startsWith("• "));
      return linhas.slice(i + 1, fim === -1 ? undefined : fim).map((l) => l.split(" · ")[0]);
    };
    expect(secao("alerta retido pelo limite de 5 por dia")).toEqual(["• *Hugo Quente*"]);
    expect(secao("Pediram visita, sem contato (1)")).toEqual(["• *Vera Visita*"]);
    expect(secao("Leads frios, só no resumo (3)")).toEqual(["• *Fabi Fria*", "• *Antiga Fria*", "• *Noturno Frio*"]);
    expect(secao("Sem contato ainda (1)")).toEqual(["• *Otto Alertado*"]);
    expect(diario!.corpo).not.toMatch(/Mauro Morno|Velha Fria|Caio Frio/);
    // Each lead with its short link to answer it (a wa.me link with its greeting was ~300 characters).
    expect(diario!.corpo).toMatch(/ · https?:\/\/\S+\/r\/[A-Za-z0-9_-]{40}\n/);
    expect(diario!.corpo).not.toContain("wa.me");
    expect(await resumosDe(bruno)).toEqual([]);
    expect(await resumosDe(carla)).toEqual([]);
  });

  it("later ticks, concurrent or not, never queue a second summary the same day", async () => {
    await addLead(t.db, agency, ana, { at: sp("2026-11-24T08:05"), nome: "Tarde Fria", score: 10 });
    const ticks = await Promise.all([
      queueDueSummaries(at("2026-11-24T08:15")),
      queueDueSummaries(at("2026-11-24T08:15")),
    ]);
    expect(ticks.flatMap((r) => r.enfileirados.filter((e) => e.corretorId === ana.id))).toEqual([]);
    expect((await resumosDe(ana)).map((m) => m.tipo)).toEqual(["resumo", "resumo_semanal"]);
  });

  it("a paused broker gets none until the pause ends, then one", async () => {
    expect((await queueDueSummaries(at("2026-11-24T11:59"))).enfileirados).toEqual([]);
    const result = await queueDueSummaries(at("2026-11-24T12:00"));
    expect(result.enfileirados.map((r) => [r.corretorId, r.tipo])).toEqual([[carla.id, "resumo"]]);
    const [resumo, ...outros] = await resumosDe(carla);
    expect(outros).toEqual([]);
    expect(resumo!.corpo).toMatch(/Leads frios, só no resumo \(1\):\*\n• \*Caio Frio\*/);
  });

  it("two concurrent ticks at the due time write one row per summary", async () => {
    const dora = await createBroker(t.db, agency, "Dora Melo");
    await addLead(t.db, agency, dora, { at: sp("2026-11-24T07:00"), nome: "Gil Frio", score: 5 });
    const ticks = await Promise.all([1, 2, 3].map(() => queueDueSummaries(at("2026-11-24T13:00"))));
    expect(ticks.flatMap((r) => r.enfileirados).filter((e) => e.corretorId === dora.id)).toHaveLength(1);
    expect(await resumosDe(dora)).toHaveLength(1);
  });

  it("the next working day brings the next summary, with its own key", async () => {
    const result = await queueDueSummaries(at("2026-11-25T08:00"));
    const keys = result.enfileirados.filter((e) => e.corretorId === ana.id);
    expect(keys.map((k) => k.tipo)).toEqual(["resumo"]);
    const rows = await resumosDe(ana);
    expect(rows.map((m) => m.idempotencyKey).sort()).toEqual([
      `resumo:${ana.id}:2026-11-24`,
      `resumo:${ana.id}:2026-11-25`,
      `resumo_semanal:${ana.id}:2026-W47`,
    ]);
  });
});
