// The lead page's data: what a broker reads on it (factors adding up to the score, the decision's
// reason, one timeline newest first) and the 404 for a lead outside the login's scope.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertEvento, markEventoDecididoIfPending } from "@/lib/db/queries/eventos";
import { insertImobiliaria } from "@/lib/db/queries/imobiliarias";
import { insertInteracao } from "@/lib/db/queries/interacoes";
import type { Lead } from "@/lib/db/queries/leads";
import { insertMensagemOnce } from "@/lib/db/queries/mensagens";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { insertCorretor } from "@/lib/db/testing/corretores";
import { insertLead } from "@/lib/db/testing/leads";
import { explainScore } from "./explain-score";
import { duracaoTexto } from "./first-response";
import { loadLeadDetalhe, TIMELINE_RECENTES } from "./load-lead-detalhe";

let t: TestDb;
let agency: string;
let carla: string;
let rodrigo: string;
let lead: Lead;

const at = (min: number) => new Date(Date.UTC(2026, 2, 10, 12, min));
const opcoes = { limiares: { quente: 70, morno: 40 }, timezone: "America/Sao_Paulo" };
const fatores = [
  { key: "temperatura", points: 30, explicacao: "Portal marcou o lead como quente (+30)" },
  { key: "intencao", points: 25, explicacao: "Pediu visita (+25)" },
  { key: "celular", points: 10, explicacao: "Celular válido (+10)" },
];

beforeAll(async () => {
  t = await createTestDb();
  agency = (await insertImobiliaria(t.db, { slug: "detalhe-a", nome: "A" })).id;
  carla = (await insertCorretor(t.db, { imobiliariaId: agency, nome: "Carla", telefone: "+5511900030001" })).id;
  rodrigo = (await insertCorretor(t.db, { imobiliariaId: agency, nome: "Rodrigo", telefone: "+5511900030002" })).id;
  lead = await insertLead(t.db, {
    imobiliariaId: agency,
    corretorId: carla,
    nome: "Maria Souza",
    telefone: "+5511976543210",
    score: 65,
    dataPrimeiroContato: at(0),
    metadata: { score: { total: 65, fatores } },
  });
  await insertInteracao(t.db, { leadId: lead.id, tipo: "mensagem_portal", data: at(0), conteudo: "Quero visitar" });
  const evento = await insertEvento(t.db, {
    imobiliariaId: agency,
    tipo: "novo_lead",
    urgencia: "media",
    corretorId: carla,
    leadId: lead.id,
    titulo: "Novo lead: Maria Souza",
    descricao: "Maria Souza (score 65) perguntou pelo AP-101.",
    acaoRecomendada: "Ligue",
    dataDeteccao: at(1),
    metadata: { score: 65 },
  });
  await markEventoDecididoIfPending(t.db, evento.id, {
    acao: "agrupar",
    mensagemIds: [],
    janelaFechaEm: at(16).toISOString(),
    decididoEm: at(1).toISOString(),
  });
  await insertMensagemOnce(t.db, {
    imobiliariaId: agency,
    corretorId: carla,
    leadId: lead.id,
    tipo: "lembrete",
    destino: "+5511900030001",
    corpo: "Lembrete",
    status: "outbox",
    idempotencyKey: "lembrete-detalhe",
    criadoEm: at(20),
  });
  await insertInteracao(t.db, {
    leadId: lead.id,
    tipo: "mudanca_status",
    data: at(42),
    conteudo: "Status alterado de Novo para Visita agendada por Carla.",
    metadata: { de: "novo", para: "visita_agendada" },
  });
});
afterAll(() => t.cleanup());

describe("loadLeadDetalhe", () => {
  it("merges interações, eventos and mensagens into one timeline, newest first", async () => {
    const d = await loadLeadDetalhe(t.db, { imobiliariaId: agency, corretorId: carla }, lead.id, opcoes);
    expect(d).not.toBeNull();
    expect(d!.timeline.map((i) => [i.origem, i.tipo])).toEqual([
      ["interacao", "mudanca_status"],
      ["mensagem", "lembrete"],
      ["evento", "novo_lead"],
      ["interacao", "mensagem_portal"],
    ]);
    const times = d!.timeline.map((i) => i.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const evento = d!.timeline.find((i) => i.origem === "evento")!;
    expect(evento.decisao).toBe("agrupada porque o score 65 é morno; a mensagem agrupada sai até 09:16");
    expect(d!.timeline[0]!.badge?.rotulo).toBe("Visita agendada");
    expect(d!.timeline[1]!.badge?.rotulo).toBe("Na caixa de saída");
  });

  it("shows factors that add up to the score, and the first response", async () => {
    const d = (await loadLeadDetalhe(t.db, { imobiliariaId: agency, corretorId: null }, lead.id, opcoes))!;
    expect(d.fatores.reduce((s, f) => s + f.points, 0)).toBe(65);
    expect(d.fatores).toHaveLength(3);
    // The points are shown in their own column, not repeated in the sentence.
    expect(d.fatores.map((f) => f.explicacao)).toEqual([
      "Portal marcou o lead como quente (+30)",
      "Pediu visita (+25)",
      "Celular válido (+10)",
    ]);
    expect(
      explainScore({ score: 5, metadata: { score: { fatores: [{ points: 5, explicacao: "Deixou e-mail: +5" }] } } }),
    ).toEqual([{ key: "fator_0", points: 5, explicacao: "Deixou e-mail." }]);
    expect(
      explainScore({
        score: -10,
        metadata: { score: { fatores: [{ points: -10, explicacao: "Telefone inválido: −10" }] } },
      }),
    ).toEqual([{ key: "fator_0", points: -10, explicacao: "Telefone inválido." }]);
    expect(d.primeiraResposta).toEqual({ em: at(42), minutos: 42 });
    expect(d.corretor?.nome).toBe("Carla");
  });

  it("shows the newest items of a long history and offers the rest, the first response still from its oldest action", async () => {
    const longo = await insertLead(t.db, {
      imobiliariaId: agency,
      corretorId: carla,
      nome: "Histórico Longo",
      telefone: "+5511976540000",
      score: 65,
      dataPrimeiroContato: at(0),
      metadata: { score: { total: 65, fatores } },
    });
    await insertInteracao(t.db, { leadId: longo.id, tipo: "contato_corretor", data: at(5), conteudo: "Liguei" });
    const antigo = await insertEvento(t.db, {
      imobiliariaId: agency,
      tipo: "novo_lead",
      urgencia: "media",
      corretorId: carla,
      leadId: longo.id,
      titulo: "Novo lead",
      descricao: "Novo lead",
      acaoRecomendada: "Ligue",
      dataDeteccao: at(1),
      metadata: { score: 65 },
    });
    await markEventoDecididoIfPending(t.db, antigo.id, {
      acao: "agrupar",
      mensagemIds: [],
      janelaFechaEm: at(16).toISOString(),
      decididoEm: at(1).toISOString(),
    });
    for (let i = 0; i < 40; i++) {
      await insertInteracao(t.db, { leadId: longo.id, tipo: "nota", data: at(100 + i), conteudo: `Nota ${i}` });
    }
    for (let i = 0; i < 30; i++) {
      await insertMensagemOnce(t.db, {
        imobiliariaId: agency,
        corretorId: carla,
        leadId: longo.id,
        tipo: "lembrete",
        destino: "+5511900030001",
        corpo: "Lembrete",
        status: "outbox",
        idempotencyKey: `lembrete-longo-${i}`,
        criadoEm: at(125 + i),
      });
    }
    const scope = { imobiliariaId: agency, corretorId: carla };

    const recentes = (await loadLeadDetalhe(t.db, scope, longo.id, opcoes))!;
    const tudo = (await loadLeadDetalhe(t.db, scope, longo.id, { ...opcoes, historicoCompleto: true }))!;
    expect(tudo.timeline).toHaveLength(72);
    expect(tudo.historicoCortado).toBe(false);
    expect(recentes.timeline).toHaveLength(TIMELINE_RECENTES);
    expect(recentes.historicoCortado).toBe(true);
    // The same newest items, messages and notes interleaved as in the whole history.
    expect(recentes.timeline.map((i) => i.id)).toEqual(tudo.timeline.slice(0, TIMELINE_RECENTES).map((i) => i.id));
    expect(recentes.timeline.filter((i) => i.origem === "mensagem")).toHaveLength(30);
    expect(recentes.timeline.some((i) => i.origem === "evento")).toBe(false);
    // Computed from rows beyond the page: the broker's first call, and the old event's decision.
    expect(recentes.primeiraResposta).toEqual({ em: at(5), minutos: 5 });
    expect(recentes.fatores.reduce((s, f) => s + f.points, 0)).toBe(65);
    expect(tudo.timeline.find((i) => i.origem === "evento")?.decisao).toBe(
      "agrupada porque o score 65 é morno; a mensagem agrupada sai até 09:16",
    );
  });

  it("does not offer more when the whole history fits", async () => {
    const d = (await loadLeadDetalhe(t.db, { imobiliariaId: agency, corretorId: carla }, lead.id, opcoes))!;
    expect(d.historicoCortado).toBe(false);
  });

  it("is null for another broker's login and for another agency", async () => {
    expect(await loadLeadDetalhe(t.db, { imobiliariaId: agency, corretorId: rodrigo }, lead.id, opcoes)).toBeNull();
    const outra = (await insertImobiliaria(t.db, { slug: "detalhe-b", nome: "B" })).id;
    expect(await loadLeadDetalhe(t.db, { imobiliariaId: outra, corretorId: null }, lead.id, opcoes)).toBeNull();
    expect(await loadLeadDetalhe(t.db, { imobiliariaId: agency, corretorId: null }, "x".repeat(80), opcoes)).toBeNull();
  });
});

describe("explainScore", () => {
  it("names the gap when the stored factors do not reach the score, so the list still adds up", () => {
    const f = explainScore({ score: 80, metadata: { score: { fatores } } });
    expect(f.reduce((s, x) => s + x.points, 0)).toBe(80);
    expect(f.at(-1)?.explicacao).toMatch(/consulta anterior.*\+15/);
    expect(explainScore({ score: 12, metadata: null })).toEqual([
      expect.objectContaining({ points: 12, explicacao: expect.stringMatching(/sem o detalhe/) }),
    ]);
    expect(explainScore({ score: 0, metadata: null })).toEqual([]);
  });
});

describe("duracaoTexto", () => {
  it("reads minutes, hours and days", () => {
    expect(duracaoTexto(8)).toBe("8 min");
    expect(duracaoTexto(125)).toBe("2 h 05 min");
    expect(duracaoTexto(60 * 24 * 3 + 240)).toBe("3 d 4 h");
  });
});
