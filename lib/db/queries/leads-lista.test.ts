// /leads as a manager and a broker see it: newest received first, pages that neither skip nor repeat
// (even among leads received in the same microsecond), each filter, and nothing outside the scope.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { phoneSearchCandidates } from "@/lib/phone/phone-search";
import { insertCorretor } from "@/lib/db/testing/corretores";
import { insertLead } from "@/lib/db/testing/leads";
import { leads as leadsTable } from "../schema";
import { createTestDb, type TestDb } from "../test-db";
import { insertImobiliaria } from "./imobiliarias";
import { insertInteracao } from "./interacoes";
import { iterateLeads, listLeads, type LeadsBusca, type LeadsCursor } from "./leads-lista";

let t: TestDb;
let agency: string;
let other: string;
let carla: string;
let rodrigo: string;

// 2026-03-10 12:mm UTC = 09:mm in São Paulo.
const at = (min: number) => new Date(Date.UTC(2026, 2, 10, 12, min));
const SAME_INSTANT = at(30);

beforeAll(async () => {
  t = await createTestDb();
  agency = (await insertImobiliaria(t.db, { slug: "lista-a", nome: "A" })).id;
  other = (await insertImobiliaria(t.db, { slug: "lista-b", nome: "B" })).id;
  carla = (await insertCorretor(t.db, { imobiliariaId: agency, nome: "Carla", telefone: "+5511900020001" })).id;
  rodrigo = (await insertCorretor(t.db, { imobiliariaId: agency, nome: "Rodrigo", telefone: "+5511900020002" })).id;
  const estranho = (await insertCorretor(t.db, { imobiliariaId: other, nome: "Outro", telefone: "+5511900020003" })).id;

  const lead = (over: Parameters<typeof insertLead>[1]) => insertLead(t.db, over);
  await lead({
    imobiliariaId: agency,
    corretorId: carla,
    nome: "João Conceição",
    telefone: "+5511987654321",
    email: "joao@exemplo.com",
    origem: "zap",
    score: 85,
    dataPrimeiroContato: at(1),
  });
  const contatado = await lead({
    imobiliariaId: agency,
    corretorId: carla,
    nome: "Ana Paula",
    telefone: "+5521998877665",
    origem: "olx",
    score: 50,
    dataPrimeiroContato: at(2),
  });
  await insertInteracao(t.db, { leadId: contatado.id, tipo: "nota", conteudo: "liguei", data: at(3) });
  await lead({
    imobiliariaId: agency,
    corretorId: rodrigo,
    nome: "Bruno",
    telefone: "+551134567890",
    origem: "olx",
    score: 20,
    status: "em_contato",
    dataPrimeiroContato: at(4),
  });
  // Twelve leads received in the same instant: pages must break inside the tie by id.
  for (let i = 0; i < 12; i++) {
    await lead({
      imobiliariaId: agency,
      corretorId: i % 2 ? carla : null,
      nome: `Empate ${String(i).padStart(2, "0")}`,
      telefone: `+55119000300${String(i).padStart(2, "0")}`,
      origem: "site",
      score: 40,
      dataPrimeiroContato: SAME_INSTANT,
    });
  }
  // Next day in São Paulo (2026-03-11 01:00 there).
  await lead({
    imobiliariaId: agency,
    corretorId: rodrigo,
    nome: "Zé do dia seguinte",
    telefone: "+5511911112222",
    origem: "zap",
    score: 72,
    dataPrimeiroContato: new Date(Date.UTC(2026, 2, 11, 4, 0)),
  });
  await lead({
    imobiliariaId: other,
    corretorId: estranho,
    nome: "João de outra agência",
    telefone: "+5511987654321",
    origem: "zap",
    score: 99,
    dataPrimeiroContato: at(59),
  });
});
afterAll(async () => {
  await t?.cleanup();
});

const manager = (): { imobiliariaId: string; corretorId: string | null } => ({
  imobiliariaId: agency,
  corretorId: null,
});
const names = async (busca: LeadsBusca, scope = manager()) =>
  (await listLeads(t.db, scope, busca, { limit: 100 })).leads.map((l) => l.nome);

describe("listLeads", () => {
  it("lists the agency's leads newest received first, ties by id, with broker name and full contact", async () => {
    const { leads, anteriores, proximos } = await listLeads(t.db, manager(), {}, { limit: 100 });
    expect(leads).toHaveLength(16);
    expect(leads[0]).toMatchObject({ nome: "Zé do dia seguinte", corretorNome: "Rodrigo", score: 72 });
    expect(leads.slice(-3).map((l) => l.nome)).toEqual(["Bruno", "Ana Paula", "João Conceição"]);
    expect(leads[15]).toMatchObject({ telefone: "+5511987654321", email: "joao@exemplo.com" });
    const tie = leads.filter((l) => l.dataPrimeiroContato?.getTime() === SAME_INSTANT.getTime()).map((l) => l.id);
    expect(tie).toEqual([...tie].sort().reverse());
    expect([anteriores, proximos]).toEqual([null, null]);
  });

  it("pages forward and back across equal timestamps without skipping or repeating a lead", async () => {
    const all = (await listLeads(t.db, manager(), {}, { limit: 100 })).leads.map((l) => l.id);
    const seen: string[] = [];
    const cursors: LeadsCursor[] = [];
    let apos: LeadsCursor | undefined;
    for (;;) {
      const page = await listLeads(t.db, manager(), {}, { limit: 5, apos });
      seen.push(...page.leads.map((l) => l.id));
      if (page.anteriores) cursors.push(page.anteriores);
      if (!page.proximos) break;
      apos = page.proximos;
    }
    expect(seen).toEqual(all);
    // Back from the third page lands exactly on the second.
    const second = await listLeads(t.db, manager(), {}, { limit: 5, antes: cursors[1] });
    expect(second.leads.map((l) => l.id)).toEqual(all.slice(5, 10));
    expect(second.anteriores).not.toBeNull();
    // Back from the second page is the first, with nothing newer.
    const first = await listLeads(t.db, manager(), {}, { limit: 5, antes: cursors[0] });
    expect(first.leads.map((l) => l.id)).toEqual(all.slice(0, 5));
    expect(first.anteriores).toBeNull();
  });

  it("keeps a lead without a receipt time listed, after all the others, in either direction", async () => {
    const sem = (await insertImobiliaria(t.db, { slug: "lista-nulos", nome: "N" })).id;
    for (let i = 0; i < 6; i++) {
      const l = await insertLead(t.db, {
        imobiliariaId: sem,
        nome: `N${i}`,
        telefone: `+55119000400${i}0`,
        dataPrimeiroContato: at(i),
      });
      if (i % 2) await t.db.update(leadsTable).set({ dataPrimeiroContato: null }).where(eq(leadsTable.id, l.id));
    }
    const scope = { imobiliariaId: sem, corretorId: null };
    const all = (await listLeads(t.db, scope, {}, { limit: 100 })).leads;
    expect(all.map((l) => l.dataPrimeiroContato === null)).toEqual([false, false, false, true, true, true]);
    const pages: string[][] = [];
    const bounds: LeadsCursor[] = [];
    let apos: LeadsCursor | undefined;
    do {
      const page = await listLeads(t.db, scope, {}, { limit: 2, apos });
      pages.push(page.leads.map((l) => l.id));
      if (page.anteriores) bounds.push(page.anteriores);
      apos = page.proximos ?? undefined;
    } while (apos);
    expect(pages.flat()).toEqual(all.map((l) => l.id));
    expect(pages).toHaveLength(3);
    const back = await listLeads(t.db, scope, {}, { limit: 2, antes: bounds[1] });
    expect(back.leads.map((l) => l.id)).toEqual(pages[1]);
  });

  it("iterates every lead that fits, batch by batch", async () => {
    const ids: string[] = [];
    for await (const l of iterateLeads(t.db, manager(), { origem: "site" }, 5)) ids.push(l.id);
    expect(ids).toHaveLength(12);
    expect(new Set(ids).size).toBe(12);
  });

  it("filters by status, portal, score range and period (São Paulo days given as instants)", async () => {
    expect(await names({ status: "em_contato" })).toEqual(["Bruno"]);
    expect(await names({ origem: "zap" })).toEqual(["Zé do dia seguinte", "João Conceição"]);
    expect(await names({ scoreMin: 50, scoreMax: 80 })).toEqual(["Zé do dia seguinte", "Ana Paula"]);
    const march11 = {
      recebidoDesde: new Date("2026-03-11T03:00:00Z"),
      recebidoAntes: new Date("2026-03-12T03:00:00Z"),
    };
    expect(await names(march11)).toEqual(["Zé do dia seguinte"]);
    expect(await names({ recebidoAntes: at(3) })).toEqual(["Ana Paula", "João Conceição"]);
  });

  it("'sem contato' is status novo with no broker action: a note counts, the portal's message does not", async () => {
    const semContato = await names({ semContato: true });
    expect(semContato).toContain("João Conceição");
    expect(semContato).not.toContain("Ana Paula");
    expect(semContato).not.toContain("Bruno");
    expect(semContato).toHaveLength(14);
  });

  it("searches names ignoring case and accents, and e-mails", async () => {
    expect(await names({ texto: "JOAO conceicao" })).toEqual(["João Conceição"]);
    expect(await names({ texto: "zé" })).toEqual(["Zé do dia seguinte"]);
    expect(await names({ texto: "@exemplo.com" })).toEqual(["João Conceição"]);
    expect(await names({ texto: "100%" })).toEqual([]);
  });

  it.each([["(11) 98765-4321"], ["11987654321"], ["+55 11 98765-4321"], ["(11) 8765-4321"]])(
    "finds the E.164 phone typed as %s",
    async (typed) => {
      expect(await names({ telefones: phoneSearchCandidates(typed)! })).toEqual(["João Conceição"]);
    },
  );

  it("a broker sees only their own leads, whatever the filters; another agency sees none of these", async () => {
    const own = await names({}, { imobiliariaId: agency, corretorId: carla });
    expect(own).toHaveLength(8);
    expect(own).not.toContain("Bruno");
    expect(await names({ status: "em_contato" }, { imobiliariaId: agency, corretorId: carla })).toEqual([]);
    expect(await names({ telefones: ["+5511987654321"] }, { imobiliariaId: other, corretorId: null })).toEqual([
      "João de outra agência",
    ]);
    expect(await names({}, { imobiliariaId: other, corretorId: carla })).toEqual([]);
  });
});
