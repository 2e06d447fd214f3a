// Real database (PGlite, or Postgres with DATABASE_URL): /operacao's figures for one agency, with the
// clock fixed; another agency's rows never count.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertImobiliaria } from "@/lib/db/queries/imobiliarias";
import { openIncidente, resolveIncidente } from "@/lib/db/queries/incidentes";
import { insertMensagemOnce } from "@/lib/db/queries/mensagens";
import { entregasWebhook, eventos, mensagens } from "@/lib/db/schema";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { insertCorretor } from "@/lib/db/testing/corretores";
import { newId } from "@/lib/ids";
import { loadOperacao } from "./operacao";

const TZ = "America/Sao_Paulo";
const now = new Date("2026-12-05T15:30:00Z"); // 12h30 in São Paulo
const ago = (ms: number) => new Date(now.getTime() - ms);
const MIN = 60_000;
let t: TestDb;
let a: string;
let b: string;

async function evento(imobiliariaId: string, detectado: Date, decididoAposS: number | null) {
  await t.db.insert(eventos).values({
    id: newId("evt"),
    tipo: "novo_lead",
    imobiliariaId,
    dataDeteccao: detectado,
    processado: decididoAposS !== null,
    metadata:
      decididoAposS === null
        ? {}
        : {
            decisao: { acao: "enviar", decididoEm: new Date(detectado.getTime() + decididoAposS * 1000).toISOString() },
          },
  });
}

async function mensagem(imobiliariaId: string, corretorId: string, criadoEm: Date, status: "enviada" | "falhou") {
  await insertMensagemOnce(t.db, {
    imobiliariaId,
    corretorId,
    tipo: "alerta",
    destino: "+5511900030001",
    corpo: "x",
    status,
    idempotencyKey: newId("msg"),
    criadoEm,
    ...(status === "enviada" ? { sentAt: criadoEm } : {}),
  });
}

beforeAll(async () => {
  t = await createTestDb();
  a = (await insertImobiliaria(t.db, { slug: "op-a", nome: "A" })).id;
  b = (await insertImobiliaria(t.db, { slug: "op-b", nome: "B" })).id;
  const ca = (await insertCorretor(t.db, { imobiliariaId: a, nome: "Caio", telefone: "+5511900030001" })).id;
  const cb = (await insertCorretor(t.db, { imobiliariaId: b, nome: "Bia", telefone: "+5511900030002" })).id;
  for (let i = 1; i <= 10; i++) await evento(a, ago(10 * MIN + i * 1000), i); // decided after 1..10 s
  await evento(a, ago(3 * 60 * MIN), null);
  await evento(a, ago(25 * 60 * MIN), 600); // older than 24 h: not in the figures
  await evento(b, ago(10 * MIN), 999);
  await mensagem(a, ca, ago(5 * MIN), "enviada");
  await mensagem(a, ca, ago(5 * MIN), "falhou");
  await mensagem(a, ca, new Date("2026-11-23T12:00:00Z"), "enviada"); // 13 days before: the first day shown
  await mensagem(b, cb, ago(5 * MIN), "falhou");
  // A failure is timed by its last update (the send that failed), here the row's creation.
  await t.db.update(mensagens).set({ atualizadoEm: sql`${mensagens.criadoEm}` });
  await t.db.insert(entregasWebhook).values({
    id: newId("ent"),
    imobiliariaId: a,
    portal: "grupo-olx",
    externalId: "e-500",
    recebidoEm: ago(2 * MIN),
    resultado: "rejeitada",
    statusHttp: 500,
  });
  const velho = await openIncidente(t.db, {
    tipo: "backlog",
    severidade: "warning",
    abertoEm: ago(3 * 24 * 60 * MIN),
    detalhes: { pendentes: 1200 },
  });
  await resolveIncidente(t.db, {
    id: velho!.id,
    resolvidoEm: ago(3 * 24 * 60 * MIN - 20 * MIN),
    detalhes: { pendentes: 10 },
  });
  await openIncidente(t.db, {
    tipo: "redis_fora",
    severidade: "critical",
    abertoEm: ago(40 * 24 * 60 * MIN),
    detalhes: {},
  });
});
afterAll(async () => {
  await t?.cleanup();
});

describe("loadOperacao", () => {
  it("counts the agency's events per hour over 24 hours, its messages per local day over 14 days", async () => {
    const p = await loadOperacao(t.db, a, TZ, now);
    expect(p.eventosPorHora).toHaveLength(24);
    expect(p.eventosPorHora.reduce((s, h) => s + h.eventos, 0)).toBe(11);
    expect(p.eventosPorHora.at(-1)!.hora.toISOString()).toBe("2026-12-05T15:00:00.000Z");
    expect(p.mensagensPorDia).toHaveLength(14);
    expect(p.mensagensPorDia[0]).toEqual({ dia: "2026-11-22", enviadas: 0, falhas: 0 });
    expect(p.mensagensPorDia[1]).toEqual({ dia: "2026-11-23", enviadas: 1, falhas: 0 });
    expect(p.mensagensPorDia.at(-1)).toEqual({ dia: "2026-12-05", enviadas: 1, falhas: 1 });
  });

  it("gives p50/p95 of detected → decided over 24 hours", async () => {
    const { latencia } = await loadOperacao(t.db, a, TZ, now);
    expect(latencia.decididos).toBe(10);
    expect(latencia.p50Segundos).toBeCloseTo(5.5, 5);
    expect(latencia.p95Segundos).toBeCloseTo(9.55, 5);
  });

  it("counts failures per minute over the last hour", async () => {
    const { errosPorMinuto } = await loadOperacao(t.db, a, TZ, now);
    expect(errosPorMinuto).toHaveLength(60);
    expect(errosPorMinuto.reduce((s, m) => s + m.envios, 0)).toBe(1);
    expect(errosPorMinuto.reduce((s, m) => s + m.entregas, 0)).toBe(1);
  });

  it("lists open incidents first, then those of the last 30 days", async () => {
    const { incidentes } = await loadOperacao(t.db, a, TZ, now);
    expect(incidentes.map((i) => [i.titulo, i.resolvidoEm === null])).toEqual([
      ["Redis fora do ar", true],
      ["Fila de eventos acima de 1.000", false],
    ]);
    expect(incidentes[1]!.descricao).toBe("10 eventos aguardam decisão (limite: 1.000).");
  });
});
