// /funil as a broker and a manager see it: a column per status in funnel order, each the newest
// received first, bounded, with its total; filters; nothing outside the scope.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertCorretor } from "@/lib/db/testing/corretores";
import { insertLead } from "@/lib/db/testing/leads";
import { LEAD_STATUS } from "../schema";
import { createTestDb, type TestDb } from "../test-db";
import { insertImobiliaria } from "./imobiliarias";
import { listFunil, type ColunaFunil } from "./leads-funil";

let t: TestDb;
let agency: string;
let other: string;
let carla: string;
let rodrigo: string;

const at = (min: number) => new Date(Date.UTC(2026, 2, 10, 12, min));
const coluna = (board: ColunaFunil[], status: string) => board.find((c) => c.status === status)!;
const nomes = (c: ColunaFunil) => c.leads.map((l) => l.nome);

beforeAll(async () => {
  t = await createTestDb();
  agency = (await insertImobiliaria(t.db, { slug: "funil-a", nome: "A" })).id;
  other = (await insertImobiliaria(t.db, { slug: "funil-b", nome: "B" })).id;
  carla = (await insertCorretor(t.db, { imobiliariaId: agency, nome: "Carla", telefone: "+5511900050001" })).id;
  rodrigo = (await insertCorretor(t.db, { imobiliariaId: agency, nome: "Rodrigo", telefone: "+5511900050002" })).id;
  const estranho = (await insertCorretor(t.db, { imobiliariaId: other, nome: "Outro", telefone: "+5511900050003" })).id;

  let n = 0;
  const lead = (over: Partial<Parameters<typeof insertLead>[1]> & { nome: string }) =>
    insertLead(t.db, {
      imobiliariaId: agency,
      telefone: `+55119000600${String(n++).padStart(2, "0")}`,
      ...over,
    });
  // Five novos of Carla's, received a minute apart; the newest is the hot one from ZAP.
  for (let i = 1; i <= 5; i++) {
    await lead({
      nome: `Novo ${i}`,
      corretorId: carla,
      status: "novo",
      origem: i === 5 ? "zap" : "olx",
      score: i === 5 ? 90 : 30,
      dataPrimeiroContato: at(i),
    });
  }
  await lead({
    nome: "Visita Carla",
    corretorId: carla,
    status: "visita_agendada",
    score: 60,
    dataPrimeiroContato: at(6),
  });
  await lead({ nome: "Novo Rodrigo", corretorId: rodrigo, status: "novo", dataPrimeiroContato: at(7) });
  await lead({ nome: "Perdido Rodrigo", corretorId: rodrigo, status: "perdido", dataPrimeiroContato: at(8) });
  await lead({ nome: "Sem corretor", corretorId: null, status: "em_contato", dataPrimeiroContato: at(9) });
  await lead({
    nome: "De outra agência",
    imobiliariaId: other,
    corretorId: estranho,
    status: "novo",
    dataPrimeiroContato: at(10),
  });
});
afterAll(async () => {
  await t?.cleanup();
});

describe("listFunil", () => {
  it("gives every status a column, in funnel order, even an empty one", async () => {
    const board = await listFunil(t.db, { imobiliariaId: agency, corretorId: null }, {}, 30);
    expect(board.map((c) => c.status)).toEqual([...LEAD_STATUS]);
    expect(coluna(board, "fechado")).toEqual({ status: "fechado", total: 0, leads: [] });
  });

  it("shows a manager the whole team's leads, newest received first, with each broker's name", async () => {
    const board = await listFunil(t.db, { imobiliariaId: agency, corretorId: null }, {}, 30);
    expect(nomes(coluna(board, "novo"))).toEqual(["Novo Rodrigo", "Novo 5", "Novo 4", "Novo 3", "Novo 2", "Novo 1"]);
    expect(coluna(board, "novo").leads[0]).toMatchObject({ corretorNome: "Rodrigo", status: "novo" });
    expect(nomes(coluna(board, "em_contato"))).toEqual(["Sem corretor"]);
    expect(nomes(coluna(board, "perdido"))).toEqual(["Perdido Rodrigo"]);
    expect(board.reduce((s, c) => s + c.total, 0)).toBe(9);
  });

  it("shows a broker only their own leads", async () => {
    const board = await listFunil(t.db, { imobiliariaId: agency, corretorId: carla }, {}, 30);
    expect(nomes(coluna(board, "novo"))).toEqual(["Novo 5", "Novo 4", "Novo 3", "Novo 2", "Novo 1"]);
    expect(nomes(coluna(board, "visita_agendada"))).toEqual(["Visita Carla"]);
    expect(coluna(board, "perdido").total).toBe(0);
    expect(coluna(board, "em_contato").total).toBe(0);
  });

  it("bounds each column but counts all its leads", async () => {
    const board = await listFunil(t.db, { imobiliariaId: agency, corretorId: null }, {}, 2);
    expect(nomes(coluna(board, "novo"))).toEqual(["Novo Rodrigo", "Novo 5"]);
    expect(coluna(board, "novo").total).toBe(6);
  });

  it("narrows by portal and by a score floor, in the cards and in the totals", async () => {
    const scope = { imobiliariaId: agency, corretorId: null };
    const zap = await listFunil(t.db, scope, { origem: "zap" }, 30);
    expect(nomes(coluna(zap, "novo"))).toEqual(["Novo 5"]);
    expect(zap.reduce((s, c) => s + c.total, 0)).toBe(1);
    const quentes = await listFunil(t.db, scope, { scoreMin: 60 }, 30);
    expect(quentes.flatMap(nomes).sort()).toEqual(["Novo 5", "Visita Carla"]);
  });

  it("shows another agency nothing of this one, whoever asks", async () => {
    const board = await listFunil(t.db, { imobiliariaId: other, corretorId: null }, {}, 30);
    expect(board.flatMap(nomes)).toEqual(["De outra agência"]);
    const intruso = await listFunil(t.db, { imobiliariaId: other, corretorId: carla }, {}, 30);
    expect(intruso.flatMap(nomes)).toEqual([]);
  });
});
