// Integration: the daily LGPD retention on real rows (leads posted through the real portal route), on
// PGlite or on Postgres in CI. A lead quiet for more than the agency's months loses what identifies
// the person everywhere, its counts stay; a recent lead keeps everything but its old delivery bodies.
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/webhooks/portais/[...rota]/route";
import { useDbForTests } from "@/lib/db/client";
import { listAuditoria } from "@/lib/db/queries/auditoria";
import { NOME_REMOVIDO, TEXTO_REMOVIDO } from "@/lib/db/queries/retencao";
import { auditoria, entregasWebhook, eventos, imobiliarias, interacoes, leads, mensagens } from "@/lib/db/schema";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { newId } from "@/lib/ids";
import { describeAuditoria } from "@/lib/painel/auditoria-texto";
import {
  authHeaders,
  createWebhookAgency,
  deliveryRequest,
} from "../../app/api/webhooks/portais/testing/webhook-agency";
import { applyRetention, RETENCAO_ACAO } from "./retention";
import { everythingStored } from "./testing/stored-text";

const DAY = 24 * 60 * 60_000;
const NOW = new Date("2026-12-05T12:00:00Z"); // 09:00 in São Paulo

let handle: TestDb;
let agency: Awaited<ReturnType<typeof createWebhookAgency>>;
beforeAll(async () => {
  handle = await createTestDb();
  useDbForTests(handle);
  agency = await createWebhookAgency(handle, { slug: "retencao", brokers: 1 });
});
afterAll(async () => {
  useDbForTests(null);
  await handle.cleanup();
});

async function postLead(id: string, nome: string, telefone: string, email: string): Promise<string> {
  const body = JSON.stringify({ id, nome, telefone, email, mensagem: `Oi, sou ${nome}, quero visitar o apartamento` });
  const res = await POST(deliveryRequest("generico", "retencao", body, authHeaders("generico")), {
    params: Promise.resolve({ rota: ["generico", "retencao"] }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { leadId: string }).leadId;
}

/** Moves every row about the lead back in time, as if it had arrived `daysAgo` days before NOW. */
async function age(leadId: string, daysAgo: number): Promise<void> {
  const at = new Date(NOW.getTime() - daysAgo * DAY);
  await handle.db.update(leads).set({ dataPrimeiroContato: at, dataUltimaInteracao: at }).where(eq(leads.id, leadId));
  await handle.db.update(entregasWebhook).set({ recebidoEm: at }).where(eq(entregasWebhook.leadId, leadId));
}

async function message(leadId: string | null, corpo: string, daysAgo: number): Promise<string> {
  const id = newId("msg");
  await handle.db.insert(mensagens).values({
    id,
    imobiliariaId: agency.agency.id,
    corretorId: agency.brokers[0]!.id,
    leadId,
    tipo: leadId ? "alerta" : "resumo",
    destino: agency.brokers[0]!.telefone,
    corpo,
    status: "enviada",
    idempotencyKey: `teste-retencao:${id}`,
    criadoEm: new Date(NOW.getTime() - daysAgo * DAY),
  });
  return id;
}

describe("applyRetention", () => {
  it("anonymizes a lead quiet for more than 24 months everywhere, keeps a recent one, clears delivery bodies over 30 days", async () => {
    const antigo = await postLead("ret-1", "Rosângela Antiga", "(11) 98888-7777", "rosangela@exemplo.com.br");
    const recente = await postLead("ret-2", "Bruno Recente", "(11) 97777-6666", "bruno@exemplo.com.br");
    const semana = await postLead("ret-3", "Carla Semana", "(11) 96666-5555", "carla@exemplo.com.br");
    await age(antigo, 25 * 30);
    await age(recente, 40);
    await age(semana, 7);
    const alerta = await message(antigo, "🔥 Novo lead: Rosângela Antiga (Genérico) — score 80", 25 * 30);
    const resumo = await message(
      null,
      "Resumo: Rosângela Antiga esperando há 3 dias; Bruno Recente respondeu. Rosângelas não são afetadas.",
      23 * 30,
    );
    const [antes] = await handle.db.select().from(leads).where(eq(leads.id, antigo));
    expect(await everythingStored(handle.db)).toContain("rosangela@exemplo.com.br");

    const runs = await applyRetention({ db: handle.db, now: () => NOW });

    expect(runs).toEqual([{ imobiliariaId: agency.agency.id, corposEntrega: 2, leads: 1, mensagens: 2 }]);
    const [depois] = await handle.db.select().from(leads).where(eq(leads.id, antigo));
    expect(depois).toMatchObject({ nome: NOME_REMOVIDO, telefone: "", email: null });
    // What the metrics count stays: status, score, dates, broker, portal.
    expect(depois).toMatchObject({
      status: antes!.status,
      score: antes!.score,
      corretorId: antes!.corretorId,
      dataPrimeiroContato: antes!.dataPrimeiroContato,
    });
    expect(depois!.metadata).toMatchObject({ portal: "generico", anonimizado: { motivo: "retencao" } });
    const [interacao] = await handle.db.select().from(interacoes).where(eq(interacoes.leadId, antigo));
    expect(interacao!.conteudo).toBe(TEXTO_REMOVIDO);
    const eventosDoLead = await handle.db.select().from(eventos).where(eq(eventos.leadId, antigo));
    expect(eventosDoLead.length).toBeGreaterThan(0);
    for (const e of eventosDoLead) expect(`${e.titulo} ${e.descricao}`).not.toContain("Rosângela");
    const [msgAlerta] = await handle.db.select().from(mensagens).where(eq(mensagens.id, alerta));
    expect(msgAlerta!.corpo).toBe(TEXTO_REMOVIDO);
    const [msgResumo] = await handle.db.select().from(mensagens).where(eq(mensagens.id, resumo));
    expect(msgResumo!.corpo).toBe(
      "Resumo: (nome removido) esperando há 3 dias; Bruno Recente respondeu. Rosângelas não são afetadas.",
    );

    const stored = await everythingStored(handle.db);
    for (const trace of ["Rosângela Antiga", "98888-7777", "988887777", "rosangela@exemplo.com.br"])
      expect(stored, trace).not.toContain(trace);

    // The recent leads keep their data; only the delivery body older than 30 days went.
    const [bruno] = await handle.db.select().from(leads).where(eq(leads.id, recente));
    expect(bruno).toMatchObject({ nome: "Bruno Recente", email: "bruno@exemplo.com.br" });
    const corpos = await handle.db
      .select({ leadId: entregasWebhook.leadId, corpo: entregasWebhook.corpo })
      .from(entregasWebhook)
      .where(eq(entregasWebhook.imobiliariaId, agency.agency.id));
    expect(corpos.find((c) => c.leadId === recente)!.corpo).toBeNull();
    expect(corpos.find((c) => c.leadId === semana)!.corpo).not.toBeNull();
  });

  it("records each run in the audit trail as Sistema, without personal data, once per local day", async () => {
    const { itens } = await listAuditoria(handle.db, agency.agency.id, { acao: RETENCAO_ACAO }, { limit: 10 });
    expect(itens).toHaveLength(1);
    expect(itens[0]!.usuarioId).toBeNull();
    expect(describeAuditoria(itens[0]!)).toEqual({
      oque: "Retenção de dados pessoais aplicada (LGPD)",
      mudanca:
        "corpos de entregas com mais de 30 dias apagados: 2 · leads sem atividade há mais de 24 meses anonimizados: 1 · mensagens limpas: 2",
    });

    // Later the same São Paulo day: nothing runs again.
    expect(await applyRetention({ db: handle.db, now: () => new Date(NOW.getTime() + 10 * 60 * 60_000) })).toEqual([]);
    // The next day it runs (nothing left to do) and says so.
    const amanha = await applyRetention({ db: handle.db, now: () => new Date(NOW.getTime() + DAY) });
    expect(amanha).toEqual([{ imobiliariaId: agency.agency.id, corposEntrega: 0, leads: 0, mensagens: 0 }]);
    const runs = await handle.db
      .select()
      .from(auditoria)
      .where(and(eq(auditoria.imobiliariaId, agency.agency.id), eq(auditoria.acao, RETENCAO_ACAO)));
    expect(runs).toHaveLength(2);
  });

  it("follows the agency's own period: at 6 months a lead quiet for 7 months goes too", async () => {
    const sete = await postLead("ret-4", "Davi Sete Meses", "(11) 95555-4444", "davi@exemplo.com.br");
    await age(sete, 7 * 31);
    await handle.db
      .update(imobiliarias)
      .set({ configuracoes: sql`configuracoes || '{"retencaoMeses": 6}'::jsonb` })
      .where(eq(imobiliarias.id, agency.agency.id));
    const runs = await applyRetention({ db: handle.db, now: () => new Date(NOW.getTime() + 2 * DAY) });
    expect(runs[0]).toMatchObject({ leads: 1 });
    const [davi] = await handle.db.select().from(leads).where(eq(leads.id, sete));
    expect(davi!.nome).toBe(NOME_REMOVIDO);
    const restantes = await handle.db
      .select({ nome: leads.nome })
      .from(leads)
      .where(sql`${leads.nome} <> ${NOME_REMOVIDO}`);
    expect(restantes.map((l) => l.nome).sort()).toEqual(["Bruno Recente", "Carla Semana"]);
  });

  it("after the day's run, the sweeps of the same local day read nothing; the next day it reads and runs again", async () => {
    // Every statement the retention starts goes through one of these.
    const QUERIES = new Set([
      "select",
      "selectDistinct",
      "insert",
      "update",
      "delete",
      "execute",
      "transaction",
      "query",
    ]);
    let leituras = 0;
    const contado = new Proxy(handle.db, {
      get(target, prop, receiver) {
        if (typeof prop === "string" && QUERIES.has(prop)) leituras++;
        return Reflect.get(target, prop, receiver);
      },
    });
    let agora = new Date(NOW.getTime() + 3 * DAY); // 09:00 in São Paulo
    const sweep = () => applyRetention({ db: contado, now: () => agora });

    expect(await sweep()).toHaveLength(1);
    expect(leituras).toBeGreaterThan(0);

    leituras = 0;
    agora = new Date(NOW.getTime() + 3 * DAY + 14 * 60 * 60_000); // 23:00 the same day
    expect(await sweep()).toEqual([]);
    expect(leituras).toBe(0);

    agora = new Date(NOW.getTime() + 3 * DAY + 15 * 60 * 60_000); // 00:00 the next day
    expect(await sweep()).toEqual([{ imobiliariaId: agency.agency.id, corposEntrega: 0, leads: 0, mensagens: 0 }]);
    expect(leituras).toBeGreaterThan(0);
  });
});
