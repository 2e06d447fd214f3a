// Real database (PGlite, or Postgres with DATABASE_URL); the clock is the test's, nothing is sent.
// The figures below are worked out by hand from the data set in beforeAll.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addLead, createBroker, createSummaryAgency, sp } from "@/agents/analista/testing/summary-scene";
import type { Imobiliaria } from "@/lib/db/queries/imobiliarias";
import { insertEvento } from "@/lib/db/queries/eventos";
import { insertUsuario } from "@/lib/db/queries/usuarios";
import { mensagens, usuarios } from "@/lib/db/schema";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { queueResumosGestor } from "./queue-resumos-gestor";

const HASH = "$2a$04$" + "a".repeat(53);
let t: TestDb;
let agency: Imobiliaria;
let semNumero: Imobiliaria;
let quieta: Imobiliaria;
const ids: Record<string, string> = {};

async function manager(a: Imobiliaria, nome: string, papel: "admin" | "gestor", whatsapp: string | null) {
  const u = await insertUsuario(t.db, {
    email: `${nome}@${a.slug}.example`,
    nome,
    senhaHash: HASH,
    papel,
    imobiliariaId: a.id,
  });
  if (whatsapp) await t.db.update(usuarios).set({ whatsapp }).where(eq(usuarios.id, u.id));
  ids[nome] = u.id;
}

const queueAt = (iso: string) => queueResumosGestor({ db: t.db, now: () => sp(iso) });
const rowsOf = (a: Imobiliaria) =>
  t.db
    .select()
    .from(mensagens)
    .where(and(eq(mensagens.imobiliariaId, a.id), eq(mensagens.tipo, "resumo_gestor")));

beforeAll(async () => {
  t = await createTestDb();
  agency = await createSummaryAgency(t.db);
  semNumero = await createSummaryAgency(t.db);
  quieta = await createSummaryAgency(t.db);
  await manager(agency, "Marta", "admin", "+5511911130001");
  await manager(agency, "Gil", "gestor", "+5511911130002");
  await manager(agency, "Sem", "gestor", null);
  await manager(semNumero, "Nina", "admin", null);
  await manager(quieta, "Quim", "admin", "+5511911130003");

  const ana = await createBroker(t.db, agency, "Ana Lima");
  const bruno = await createBroker(t.db, agency, "Bruno Reis");
  const carla = await createBroker(t.db, agency, "Carla Dias");
  // Monday 09/03: five leads, three answered (10, 20 and 45 min), two still waiting.
  await addLead(t.db, agency, ana, {
    at: sp("2026-03-09T09:00"),
    nome: "Lia Um",
    score: 80,
    contatoEm: sp("2026-03-09T09:10"),
    busca: { bairro: "Moema", tipo: "apartamento" },
  });
  await addLead(t.db, agency, ana, {
    at: sp("2026-03-09T10:00"),
    nome: "Lia Dois",
    score: 60,
    contatoEm: sp("2026-03-09T10:20"),
  });
  await addLead(t.db, agency, bruno, {
    at: sp("2026-03-09T11:00"),
    nome: "Rui Tres",
    score: 70,
    origem: "olx",
    status: "visita_agendada",
    contatoEm: sp("2026-03-09T11:45"),
  });
  const quatro = await addLead(t.db, agency, bruno, {
    at: sp("2026-03-09T14:00"),
    nome: "Rui Quatro",
    score: 50,
    origem: "olx",
  });
  const cinco = await addLead(t.db, agency, carla, { at: sp("2026-03-09T16:00"), nome: "Eva Cinco", score: 40 });
  // Sunday 08/03: waiting too (inside the 7 days), but not Monday's lead. 01/03: too old to list.
  await addLead(t.db, agency, carla, {
    at: sp("2026-03-08T12:00"),
    nome: "Dora Domingo",
    score: 30,
    origem: "vivareal",
  });
  await addLead(t.db, agency, carla, { at: sp("2026-03-01T12:00"), nome: "Velho Esquecido", score: 30 });
  // SLA breaches: Bruno's lead twice (two steps of the chain: one lead), Carla's once; one on Tuesday.
  const sla = (corretorId: string, leadId: string, at: string) =>
    insertEvento(t.db, {
      imobiliariaId: agency.id,
      tipo: "sla_violado",
      urgencia: "alta",
      corretorId,
      leadId,
      titulo: "Prazo estourado",
      descricao: "teste",
      acaoRecomendada: "teste",
      dataDeteccao: sp(at),
    });
  await sla(bruno.id, quatro.id, "2026-03-09T14:15");
  await sla(bruno.id, quatro.id, "2026-03-09T14:30");
  await sla(carla.id, cinco.id, "2026-03-09T16:15");
  await sla(carla.id, cinco.id, "2026-03-10T07:00");
});
afterAll(async () => t?.cleanup());

describe("manager's daily summary", () => {
  it("nothing before the agency's summary hour (08:00 by default)", async () => {
    const r = await queueAt("2026-03-10T07:59");
    expect(r.enfileirados).toEqual([]);
    expect(await rowsOf(agency)).toHaveLength(0);
  });

  it("at 08:00: one message per manager with a number, once however many runners, with the hand-computed figures", async () => {
    const [a, b] = await Promise.all([queueAt("2026-03-10T08:00"), queueAt("2026-03-10T08:00")]);
    await queueAt("2026-03-10T09:30");
    expect([...a.enfileirados, ...b.enfileirados]).toHaveLength(2);

    const rows = await rowsOf(agency);
    expect(rows.map((r) => [r.usuarioId, r.destino, r.corretorId]).sort()).toEqual(
      [
        [ids.Marta, "+5511911130001", null],
        [ids.Gil, "+5511911130002", null],
      ].sort(),
    );
    expect(rows.map((r) => r.idempotencyKey).sort()).toEqual(
      [`resumo_gestor:${agency.id}:2026-03-10:${ids.Marta}`, `resumo_gestor:${agency.id}:2026-03-10:${ids.Gil}`].sort(),
    );
    const corpo = rows[0]!.corpo;
    expect(corpo.length).toBeLessThanOrEqual(1600);
    expect(corpo).toBe(
      [
        "📊 *Resumo da gestão — 09/03*",
        "Imobiliária Centro",
        "Leads recebidos: 5",
        "Funil: 3 em contato (60%) → 1 visita (33%) → 0 propostas (0%) → 0 fechados",
        "1º contato: mediana de 20 min (3 leads)",
        "",
        "*Leads por portal*",
        "• ZAP Imóveis: 3",
        "• OLX: 2",
        "",
        "*Prazo de resposta estourado (2 leads)*",
        "• Bruno Reis: 1",
        "• Carla Dias: 1",
        "",
        "*Esperando o 1º contato (3)*",
        "• Dora Domingo — Viva Real, Carla Dias, há 1 dia e 20h",
        "• Rui Quatro — OLX, Bruno Reis, há 18h",
        "• Eva Cinco — ZAP Imóveis, Carla Dias, há 16h",
        "",
        "*1º contato por corretor (mediana)*",
        "1. Ana Lima — 15 min (2 leads)",
        "2. Bruno Reis — 45 min (1 lead)",
        "",
        "*Procura x estoque*",
        "• Tipo apartamento: 1 lead, nenhum imóvel",
        "• Bairro Moema: 1 lead, nenhum imóvel",
        "",
        "Detalhes em Métricas, no painel do Lastro.",
      ].join("\n"),
    );
  });

  it("writes nothing for an agency where no manager gave a WhatsApp number", async () => {
    await addLead(t.db, semNumero, await createBroker(t.db, semNumero, "Zeca"), {
      at: sp("2026-03-09T09:00"),
      nome: "Lead Sem Gestor",
      score: 50,
    });
    await queueAt("2026-03-10T08:05");
    expect(await rowsOf(semNumero)).toHaveLength(0);
  });

  it("nothing to report → no message, and the key is given back as empty", async () => {
    const r = await queueAt("2026-03-10T08:10");
    expect(r.vazios).toContain(`resumo_gestor:${quieta.id}:2026-03-10`);
    expect(await rowsOf(quieta)).toHaveLength(0);
  });
});

describe("manager's weekly summary", () => {
  it("on Monday from the summary hour, covering the previous week, once", async () => {
    await Promise.all([queueAt("2026-03-16T08:00"), queueAt("2026-03-16T08:00")]);
    const semanais = (await rowsOf(agency)).filter((r) => r.idempotencyKey.startsWith("resumo_gestor_semanal:"));
    expect(semanais.map((r) => r.idempotencyKey).sort()).toEqual(
      [
        `resumo_gestor_semanal:${agency.id}:2026-W11:${ids.Marta}`,
        `resumo_gestor_semanal:${agency.id}:2026-W11:${ids.Gil}`,
      ].sort(),
    );
    expect(semanais[0]!.corpo).toMatch(
      /^📊 \*Resumo da gestão — semana de 09\/03 a 15\/03\*\nImobiliária Centro\nLeads recebidos: 5\n/,
    );
  });
});
