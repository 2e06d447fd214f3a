// /eventos' query as a manager and a broker see it: newest detected first, pages that neither skip nor
// repeat (even among events detected in the same microsecond), each filter, and nothing outside the scope.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertCorretor } from "@/lib/db/testing/corretores";
import { insertLead } from "@/lib/db/testing/leads";
import { createTestDb, type TestDb } from "../test-db";
import { insertEvento, markEventoDecididoIfPending, type NovoEvento } from "./eventos";
import { listEventos, type EventosBusca, type EventosCursor } from "./eventos-lista";
import { insertImobiliaria } from "./imobiliarias";

let t: TestDb;
let agency: string;
let carla: string;
let rodrigo: string;
let leadCarla: string;

// 2026-03-10 12:mm UTC = 09:mm in São Paulo.
const at = (min: number) => new Date(Date.UTC(2026, 2, 10, 12, min));
const SAME_INSTANT = at(30);

beforeAll(async () => {
  t = await createTestDb();
  agency = (await insertImobiliaria(t.db, { slug: "eventos-a", nome: "A" })).id;
  const other = (await insertImobiliaria(t.db, { slug: "eventos-b", nome: "B" })).id;
  carla = (await insertCorretor(t.db, { imobiliariaId: agency, nome: "Carla", telefone: "+5511900060001" })).id;
  rodrigo = (await insertCorretor(t.db, { imobiliariaId: agency, nome: "Rodrigo", telefone: "+5511900060002" })).id;
  const estranho = (await insertCorretor(t.db, { imobiliariaId: other, nome: "Outro", telefone: "+5511900060003" })).id;
  leadCarla = (
    await insertLead(t.db, { imobiliariaId: agency, corretorId: carla, nome: "Joana", telefone: "+5511987650001" })
  ).id;
  const leadOutro = (
    await insertLead(t.db, { imobiliariaId: other, corretorId: estranho, nome: "Alheio", telefone: "+5511987650002" })
  ).id;

  const evento = (over: Partial<NovoEvento>) =>
    insertEvento(t.db, {
      imobiliariaId: agency,
      tipo: "novo_lead",
      urgencia: "media",
      corretorId: carla,
      leadId: leadCarla,
      titulo: "Novo lead",
      descricao: "",
      acaoRecomendada: "",
      dataDeteccao: at(1),
      ...over,
    });
  const primeiro = await evento({ dataDeteccao: at(1), urgencia: "alta" });
  await markEventoDecididoIfPending(t.db, primeiro.id, { acao: "agora", mensagemIds: [] });
  await evento({ dataDeteccao: at(2), tipo: "lead_retorno", corretorId: rodrigo, leadId: null });
  await evento({ dataDeteccao: at(3), tipo: "sla_violado", urgencia: "critica" });
  // Twelve events detected in the same instant: pages must break inside the tie by id.
  for (let i = 0; i < 12; i++) {
    await evento({ dataDeteccao: SAME_INSTANT, corretorId: i % 2 ? carla : rodrigo, leadId: null });
  }
  // The next day in São Paulo (2026-03-11 01:00 there).
  await evento({ dataDeteccao: new Date(Date.UTC(2026, 2, 11, 4, 0)), tipo: "visita_solicitada" });
  await evento({
    imobiliariaId: other,
    corretorId: estranho,
    leadId: leadOutro,
    dataDeteccao: new Date(Date.UTC(2026, 2, 12)),
  });
});
afterAll(async () => {
  await t?.cleanup();
});

const manager = () => ({ imobiliariaId: agency, corretorId: null });

async function all(scope: { imobiliariaId: string; corretorId: string | null }, busca: EventosBusca = {}, limit = 5) {
  const ids: string[] = [];
  let apos: EventosCursor | undefined;
  for (;;) {
    const page = await listEventos(t.db, scope, busca, { limit, apos });
    ids.push(...page.eventos.map((e) => e.id));
    if (!page.proximos) return ids;
    apos = page.proximos;
  }
}

describe("listEventos", () => {
  it("lists the agency's events newest first, pages never skipping nor repeating inside a tie", async () => {
    const whole = await listEventos(t.db, manager(), {}, { limit: 100 });
    expect(whole.eventos).toHaveLength(16);
    expect(whole.eventos[0]!.tipo).toBe("visita_solicitada");
    const times = whole.eventos.map((e) => e.dataDeteccao!.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(whole.proximos).toBeNull();

    const paged = await all(manager(), {}, 5);
    expect(paged).toEqual(whole.eventos.map((e) => e.id));
    expect(new Set(paged).size).toBe(16);
  });

  it("ends exactly at the last page: a page that fills the limit with nothing after has no next link", async () => {
    const first = await listEventos(t.db, manager(), {}, { limit: 8 });
    expect(first.proximos).not.toBeNull();
    const second = await listEventos(t.db, manager(), {}, { limit: 8, apos: first.proximos! });
    expect(second.eventos).toHaveLength(8);
    expect(second.proximos).toBeNull();
  });

  it("shows a broker only the events raised for them, and nothing of another agency to anyone", async () => {
    const daCarla = await listEventos(t.db, { imobiliariaId: agency, corretorId: carla }, {}, { limit: 100 });
    expect(daCarla.eventos.length).toBe(9);
    expect(daCarla.eventos.every((e) => e.corretorId === carla)).toBe(true);
    const todos = await listEventos(t.db, manager(), {}, { limit: 100 });
    expect(todos.eventos.some((e) => e.leadNome === "Alheio")).toBe(false);
    expect(todos.eventos.find((e) => e.leadId === leadCarla)).toMatchObject({
      leadNome: "Joana",
      corretorNome: "Carla",
    });
  });

  it.each([
    ["tipo", { tipo: "sla_violado" }, 1],
    ["urgência", { urgencia: "alta" }, 1],
    ["processado", { processado: true }, 1],
    ["não processado", { processado: false }, 15],
    ["período (one São Paulo day)", { desde: at(-9 * 60), antes: new Date(Date.UTC(2026, 2, 11, 3)) }, 15],
  ] as const)("filters by %s", async (_, busca, expected) => {
    expect(await all(manager(), busca as EventosBusca)).toHaveLength(expected);
  });
});
