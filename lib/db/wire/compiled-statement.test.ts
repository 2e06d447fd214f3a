// Integration (PGlite, or Postgres in CI): a compiled statement stores and finds exactly what
// drizzle's own builder would, with new values on every run, and composes with composeWrites.
import { and, asc, desc, eq, gte, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { parseConfiguracoes } from "@/lib/domain/configuracoes-imobiliaria";
import { asParam, CompiledStatement, compiledInsert, compiledRowInsert, runBound } from "./compiled-statement";
import { composeWrites } from "./compose-writes";
import { imobiliarias, interacoes, leads } from "../schema";

let t: TestDb;
const AGENCY = "imob_compilado";

beforeAll(async () => {
  t = await createTestDb();
  await t.db
    .insert(imobiliarias)
    .values({ id: AGENCY, slug: "compilado", nome: "Compilado", configuracoes: parseConfiguracoes({}) });
});
afterAll(async () => {
  await t?.cleanup();
});

type LeadRow = typeof leads.$inferSelect;
const row = (id: string, extra: Partial<LeadRow> = {}): LeadRow => ({
  id,
  imobiliariaId: AGENCY,
  corretorId: null,
  imovelId: null,
  nome: 'Ana "Aspas" D\'Ávila',
  telefone: "+5511912340000",
  email: null,
  origem: "zap",
  dataPrimeiroContato: new Date("2026-11-30T13:45:12.345Z"),
  dataUltimaInteracao: null,
  score: 42,
  status: "novo",
  busca: null,
  metadata: null,
  primeiraRespostaEm: null,
  slaEtapa: 0,
  slaDesde: null,
  slaProximaEm: null,
  visitaEm: null,
  ...extra,
});

const insertLead = compiledRowInsert("teste.leads.insert", leads);

describe("compiledRowInsert", () => {
  it("stores the same row as drizzle's insert: dates, JSON, and null JSON as SQL NULL", async () => {
    const withJson = row("lead_comp_1", {
      busca: { bairro: "Pinheiros", precoMax: 800000 },
      metadata: { lista: [1, "dois", null] },
    });
    await runBound(t.db, insertLead.bind(withJson));
    await runBound(t.db, insertLead.bind(row("lead_comp_2", { telefone: "+5511912340002" })));
    await t.db.insert(leads).values(row("lead_comp_3", { telefone: "+5511912340003" }));

    const stored = await t.db.select().from(leads).where(eq(leads.imobiliariaId, AGENCY)).orderBy(asc(leads.id));
    expect(stored[0]).toEqual(withJson);
    expect(stored[1]).toEqual(row("lead_comp_2", { telefone: "+5511912340002" }));
    // The one drizzle wrote and the compiled one agree field by field.
    expect({ ...stored[1], id: "x", telefone: "x" }).toEqual({ ...stored[2], id: "x", telefone: "x" });
    // A jsonb 'null' is a value, not NULL: `is null` tells them apart.
    const withoutJson = await t.db
      .select({ id: leads.id })
      .from(leads)
      .where(and(eq(leads.imobiliariaId, AGENCY), isNull(leads.busca), isNull(leads.metadata)))
      .orderBy(asc(leads.id));
    expect(withoutJson.map((r) => r.id)).toEqual(["lead_comp_2", "lead_comp_3"]);
  });

  it("refuses a row with a column left out instead of writing a default", () => {
    const { metadata: _left, ...partial } = row("lead_comp_4");
    expect(() => insertLead.bind(partial as LeadRow)).toThrow(/falta o valor de "metadata"/);
  });
});

describe("CompiledStatement", () => {
  // A date compared through a placeholder must go through the column's encoder (UTC), like a value.
  const since = new CompiledStatement<{ agency: string; since: Date }>("teste.leads.since", (db, p) =>
    db
      .select({ id: leads.id })
      .from(leads)
      .where(
        and(
          eq(leads.imobiliariaId, asParam(leads.imobiliariaId, p("agency"))),
          gte(leads.dataPrimeiroContato, asParam(leads.dataPrimeiroContato, p("since"))),
        ),
      )
      .orderBy(desc(leads.id)),
  );

  it("runs with new values each time and compares dates as drizzle does", async () => {
    const at = new Date("2026-11-30T13:45:12.345Z");
    const justAfter = new Date(at.getTime() + 1);
    const ids = async (d: Date) =>
      (await runBound<{ id: string }>(t.db, since.bind({ agency: AGENCY, since: d }))).map((r) => r.id);
    expect(await ids(at)).toEqual(["lead_comp_3", "lead_comp_2", "lead_comp_1"]);
    expect(await ids(justAfter)).toEqual([]);
    expect(await ids(at)).toEqual(
      (
        await t.db
          .select({ id: leads.id })
          .from(leads)
          .where(and(eq(leads.imobiliariaId, AGENCY), gte(leads.dataPrimeiroContato, at)))
          .orderBy(desc(leads.id))
      ).map((r) => r.id),
    );
  });
});

describe("composeWrites", () => {
  const insertInteracao = compiledInsert("teste.interacoes.insert", interacoes, [
    "leadId",
    "tipo",
    "data",
    "conteudo",
    "metadata",
  ]);

  it("writes a parent and its children in one statement, each part with its own values", async () => {
    const parent = row("lead_comp_5", { telefone: "+5511912340005", nome: "Bruno" });
    const when = new Date("2026-12-01T10:00:00.000Z");
    await runBound(
      t.db,
      composeWrites([
        insertLead.bind(parent),
        insertInteracao.bind({
          leadId: parent.id,
          tipo: "mensagem_portal",
          data: when,
          conteudo: "primeira",
          metadata: { n: 1 },
        }),
        insertInteracao.bind({ leadId: parent.id, tipo: "nota", data: when, conteudo: null, metadata: null }),
      ]),
    );
    // Postgres runs CTE parts in no set order, so ids say nothing about which came first.
    const stored = await t.db
      .select()
      .from(interacoes)
      .where(eq(interacoes.leadId, parent.id))
      .orderBy(asc(interacoes.tipo));
    expect(stored.map((i) => [i.tipo, i.conteudo, i.metadata, i.data])).toEqual([
      ["mensagem_portal", "primeira", { n: 1 }, when],
      ["nota", null, null, when],
    ]);
    // The note is a broker response: the interacoes trigger (migration 0013) stamps it on the lead, even
    // when the lead and its interactions arrive in one statement.
    expect((await t.db.select().from(leads).where(eq(leads.id, parent.id)))[0]).toEqual({
      ...parent,
      primeiraRespostaEm: when,
    });
  });

  it("writes nothing when one part fails: the statement is one", async () => {
    const parent = row("lead_comp_6", { telefone: "+5511912340006" });
    await expect(
      runBound(
        t.db,
        composeWrites([
          insertLead.bind(parent),
          insertInteracao.bind({
            leadId: "lead_que_nao_existe",
            tipo: "nota",
            data: new Date(),
            conteudo: null,
            metadata: null,
          }),
        ]),
      ),
    ).rejects.toThrow();
    expect(await t.db.select().from(leads).where(eq(leads.id, parent.id))).toEqual([]);
  });
});
