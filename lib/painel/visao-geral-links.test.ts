// Each overview card's number is the number of rows its link shows: the card's link is parsed as the
// list page parses its URL, the list is read through, and the two must agree — for a manager and a
// broker. "Sem contato" is the case that once disagreed: a `novo` lead with a broker's note is no
// longer "sem contato" on /leads, so the card must not count it either.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertCorretor } from "@/lib/db/testing/corretores";
import { insertLead } from "@/lib/db/testing/leads";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { insertImobiliaria } from "@/lib/db/queries/imobiliarias";
import { insertInteracao } from "@/lib/db/queries/interacoes";
import { iterateLeads } from "@/lib/db/queries/leads-lista";
import { insertMensagemOnce, listMensagens } from "@/lib/db/queries/mensagens";
import { countVisaoGeral } from "@/lib/db/queries/painel-visao-geral";
import type { MensagemStatus } from "@/lib/db/schema";
import { parseLeadsFiltros, toLeadsBusca } from "./leads-filtros";
import { mensagensStatusFiltro, parseMensagensFiltros } from "./search-params";
import { searchParamsOf, VISAO_GERAL_LINKS } from "./visao-geral-links";

let t: TestDb;
let agency: string;
let carla: string;
const SCORE_QUENTE = 70;

beforeAll(async () => {
  t = await createTestDb();
  agency = (await insertImobiliaria(t.db, { slug: "cards-a", nome: "A" })).id;
  const other = (await insertImobiliaria(t.db, { slug: "cards-b", nome: "B" })).id;
  carla = (await insertCorretor(t.db, { imobiliariaId: agency, nome: "Carla", telefone: "+5511900050001" })).id;
  const rodrigo = (await insertCorretor(t.db, { imobiliariaId: agency, nome: "Rodrigo", telefone: "+5511900050002" }))
    .id;
  const estranho = (await insertCorretor(t.db, { imobiliariaId: other, nome: "Outro", telefone: "+5511900050003" })).id;

  let n = 0;
  const lead = async (imobiliariaId: string, corretorId: string | null, score: number, status = "novo" as const) =>
    insertLead(t.db, {
      imobiliariaId,
      corretorId,
      nome: `Lead ${++n}`,
      telefone: `+55119876500${String(n).padStart(2, "0")}`,
      origem: "olx",
      score,
      status,
    });
  await lead(agency, carla, 90);
  const anotado = await lead(agency, carla, 70);
  await insertInteracao(t.db, { leadId: anotado.id, tipo: "nota", conteudo: "liguei", data: new Date() });
  await lead(agency, carla, 20);
  await lead(agency, rodrigo, 85);
  await lead(agency, null, 10);
  await insertLead(t.db, {
    imobiliariaId: agency,
    corretorId: rodrigo,
    nome: "Em contato",
    telefone: "+5511987650099",
    score: 95,
    status: "em_contato",
  });
  await lead(other, estranho, 99);

  const statuses: [string, MensagemStatus][] = [
    [carla, "outbox"],
    [carla, "falhou"],
    [carla, "incerta"],
    [carla, "entregue"],
    [rodrigo, "outbox"],
    [rodrigo, "falhou"],
  ];
  for (const [i, [corretorId, status]] of statuses.entries()) {
    await insertMensagemOnce(t.db, {
      imobiliariaId: agency,
      corretorId,
      tipo: "alerta",
      destino: "+5511900050001",
      corpo: "oi",
      status,
      idempotencyKey: `cards-${i}`,
    });
  }
  await insertMensagemOnce(t.db, {
    imobiliariaId: other,
    corretorId: estranho,
    tipo: "alerta",
    destino: "+5511900050003",
    corpo: "oi",
    status: "falhou",
    idempotencyKey: "cards-other",
  });
});
afterAll(async () => {
  await t?.cleanup();
});

async function leadsListed(scope: { imobiliariaId: string; corretorId: string | null }, href: string) {
  const busca = toLeadsBusca(parseLeadsFiltros(searchParamsOf(href)), { scoreQuente: SCORE_QUENTE });
  let count = 0;
  for await (const _ of iterateLeads(t.db, scope, busca)) count++;
  return count;
}

async function mensagensListed(scope: { imobiliariaId: string; corretorId: string | null }, href: string) {
  const filtros = parseMensagensFiltros(searchParamsOf(href));
  const rows = await listMensagens(t.db, scope.imobiliariaId, {
    corretorId: scope.corretorId ?? undefined,
    status: filtros.status ? mensagensStatusFiltro(filtros.status) : undefined,
    limit: 500,
  });
  return rows.length;
}

describe.each([
  ["a manager", () => ({ imobiliariaId: agency, corretorId: null })],
  ["a broker", () => ({ imobiliariaId: agency, corretorId: carla })],
])("the overview's cards for %s", (_, scopeOf) => {
  it.each(["leads", "leadsQuentes", "leadsSemContato"] as const)(
    "%s: the card's number is its list's",
    async (card) => {
      const scope = scopeOf();
      const counts = await countVisaoGeral(t.db, scope, SCORE_QUENTE);
      expect(counts[card]).toBeGreaterThan(0);
      expect(await leadsListed(scope, VISAO_GERAL_LINKS[card])).toBe(counts[card]);
    },
  );

  it.each(["mensagens", "mensagensNaCaixa", "mensagensComProblema"] as const)(
    "%s: the card's number is its list's",
    async (card) => {
      const scope = scopeOf();
      const counts = await countVisaoGeral(t.db, scope, SCORE_QUENTE);
      expect(counts[card]).toBeGreaterThan(0);
      expect(await mensagensListed(scope, VISAO_GERAL_LINKS[card])).toBe(counts[card]);
    },
  );
});

it("does not count a `novo` lead the broker already worked as sem contato", async () => {
  const counts = await countVisaoGeral(t.db, { imobiliariaId: agency, corretorId: carla }, SCORE_QUENTE);
  expect(counts).toMatchObject({ leads: 3, leadsQuentes: 2, leadsSemContato: 2, mensagensComProblema: 2 });
});
