// Integration (PGlite, or Postgres in CI): a few-trips transaction commits all of its statements or
// none, hands back each statement's rows, and on Postgres keeps one connection for the whole
// transaction, lets a statement see what a lock's holder committed, and leaves its connection usable.
import { asc, eq, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import { Pool } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { parseConfiguracoes } from "@/lib/domain/configuracoes-imobiliaria";
import type { Db } from "../client";
import { CompiledStatement, compiledInsert, compiledRowInsert } from "./compiled-statement";
import { fewTripsTransaction } from "./few-trips-transaction";
import { nameStatementsOf } from "./named-statements";
import * as schema from "../schema";
import { imobiliarias, interacoes, leads } from "../schema";

let t: TestDb;
const AGENCY = "imob_poucas_idas";

beforeAll(async () => {
  t = await createTestDb();
  await t.db
    .insert(imobiliarias)
    .values({ id: AGENCY, slug: "poucas-idas", nome: "Poucas idas", configuracoes: parseConfiguracoes({}) });
});
afterAll(async () => {
  await t?.cleanup();
});

type LeadRow = typeof leads.$inferSelect;
const lead = (id: string, telefone: string): LeadRow => ({
  id,
  imobiliariaId: AGENCY,
  corretorId: null,
  imovelId: null,
  nome: "Bruna",
  telefone,
  email: null,
  origem: "zap",
  dataPrimeiroContato: new Date("2026-12-01T12:00:00.000Z"),
  dataUltimaInteracao: null,
  score: 10,
  status: "novo",
  busca: null,
  metadata: null,
  primeiraRespostaEm: null,
  slaEtapa: 0,
  slaDesde: null,
  slaProximaEm: null,
  visitaEm: null,
});
const insertLead = compiledRowInsert("teste.poucas.leads.insert", leads);
const insertInteracao = compiledInsert("teste.poucas.interacoes.insert", interacoes, ["leadId", "tipo", "conteudo"]);
const leadById = new CompiledStatement<{ id: string }>("teste.poucas.lead_by_id", (db, p) =>
  db
    .select({ id: leads.id, nome: leads.nome })
    .from(leads)
    .where(eq(leads.id, p("id"))),
);
const backendPid = new CompiledStatement<{ n: number }>(
  "teste.poucas.pid",
  (_db, p) => sql`select pg_backend_pid() as pid, ${p("n")}::int as n`,
);

const storedLeadIds = async (db: Db = t.db) =>
  (await db.select({ id: leads.id }).from(leads).where(eq(leads.imobiliariaId, AGENCY)).orderBy(asc(leads.id))).map(
    (r) => r.id,
  );

describe("fewTripsTransaction", () => {
  it("returns each statement's rows in order and commits the first, middle and last statements together", async () => {
    const seen = await fewTripsTransaction(
      t.db,
      [insertLead.bind(lead("lead_pi_1", "+5511900000001")), leadById.bind({ id: "lead_pi_1" })],
      async ({ tx, commitWith }, first) => {
        expect(first).toHaveLength(2);
        expect(first[0]).toEqual([]); // an insert without RETURNING
        await tx.insert(leads).values(lead("lead_pi_2", "+5511900000002"));
        const last = await commitWith([
          insertInteracao.bind({ leadId: "lead_pi_2", tipo: "nota", conteudo: "meio" }),
          leadById.bind({ id: "lead_pi_2" }),
        ]);
        return { first: first[1], last: last[1], trips: last.length };
      },
    );
    // The second statement of each trip saw the first one's write.
    expect(seen).toEqual({
      first: [{ id: "lead_pi_1", nome: "Bruna" }],
      last: [{ id: "lead_pi_2", nome: "Bruna" }],
      trips: 2,
    });
    expect(await storedLeadIds()).toEqual(["lead_pi_1", "lead_pi_2"]);
    expect(
      (await t.db.select().from(interacoes).where(eq(interacoes.leadId, "lead_pi_2"))).map((i) => i.conteudo),
    ).toEqual(["meio"]);
  });

  it("commits when the work returns without commitWith", async () => {
    await fewTripsTransaction(t.db, [insertLead.bind(lead("lead_pi_3", "+5511900000003"))], async () => "ok");
    expect(await storedLeadIds()).toContain("lead_pi_3");
  });

  it("stores nothing when the work throws, and the next transaction runs normally", async () => {
    await expect(
      fewTripsTransaction(t.db, [insertLead.bind(lead("lead_pi_4", "+5511900000004"))], async ({ tx }) => {
        await tx.insert(leads).values(lead("lead_pi_5", "+5511900000005"));
        throw new Error("desistiu");
      }),
    ).rejects.toThrow("desistiu");
    expect(await storedLeadIds()).not.toContain("lead_pi_4");
    expect(await storedLeadIds()).not.toContain("lead_pi_5");
    await fewTripsTransaction(t.db, [insertLead.bind(lead("lead_pi_6", "+5511900000006"))], async () => null);
    expect(await storedLeadIds()).toContain("lead_pi_6");
  });

  it("stores nothing when a statement sent with COMMIT fails, and runs none after it", async () => {
    await expect(
      fewTripsTransaction(t.db, [insertLead.bind(lead("lead_pi_7", "+5511900000007"))], async ({ commitWith }) =>
        commitWith([
          insertInteracao.bind({ leadId: "lead_que_nao_existe", tipo: "nota", conteudo: null }),
          insertLead.bind(lead("lead_pi_8", "+5511900000008")),
        ]),
      ),
    ).rejects.toThrow();
    expect(await storedLeadIds()).not.toContain("lead_pi_7");
    expect(await storedLeadIds()).not.toContain("lead_pi_8");
  });

  it("stores nothing when a first statement fails, and does not call the work", async () => {
    let called = false;
    await expect(
      fewTripsTransaction(
        t.db,
        [
          insertInteracao.bind({ leadId: "lead_que_nao_existe", tipo: "nota", conteudo: null }),
          insertLead.bind(lead("lead_pi_9", "+5511900000009")),
        ],
        async () => {
          called = true;
        },
      ),
    ).rejects.toThrow();
    expect(called).toBe(false);
    expect(await storedLeadIds()).not.toContain("lead_pi_9");
  });

  it("refuses a second commitWith", async () => {
    await expect(
      fewTripsTransaction(t.db, [], async ({ commitWith }) => {
        await commitWith([]);
        await commitWith([]);
      }),
    ).rejects.toThrow(/uma vez/);
  });
});

describe.runIf(process.env.DATABASE_URL)("fewTripsTransaction on node-postgres", () => {
  it("runs the whole transaction on one connection", async () => {
    const pids = await fewTripsTransaction(t.db, [backendPid.bind({ n: 1 })], async ({ tx, commitWith }, [first]) => {
      const middle = (await tx.execute(sql`select pg_backend_pid() as pid`)) as unknown as { rows: { pid: number }[] };
      const [last] = await commitWith([backendPid.bind({ n: 3 })]);
      return [first![0]!.pid, middle.rows[0]!.pid, last![0]!.pid];
    });
    expect(new Set(pids).size).toBe(1);
  });

  it("lets a statement after a lock see what the lock's holder committed meanwhile", async () => {
    // The intake's person lock relies on this: its reads follow the lock in the same round trip.
    const holder = new Pool({ connectionString: t.url!, max: 1 });
    const client = await holder.connect();
    try {
      await client.query("begin");
      await client.query("select pg_advisory_xact_lock(hashtextextended('pessoa-teste', 0))");
      await client.query(
        "insert into leads (id, imobiliaria_id, nome, telefone, status) values ('lead_pi_lock', $1, 'Lia', '+5511900000010', 'novo')",
        [AGENCY],
      );
      const lockThenRead = new CompiledStatement<{ key: string }>(
        "teste.poucas.lock",
        (_db, p) => sql`select pg_advisory_xact_lock(hashtextextended(${p("key")}, 0))`,
      );
      const waiting = fewTripsTransaction(
        t.db,
        [lockThenRead.bind({ key: "pessoa-teste" }), leadById.bind({ id: "lead_pi_lock" })],
        async (_trip, [, found]) => found,
      );
      await new Promise((resolve) => setTimeout(resolve, 200));
      await client.query("commit");
      expect(await waiting).toEqual([{ id: "lead_pi_lock", nome: "Lia" }]);
    } finally {
      client.release();
      await holder.end();
    }
  });

  it("keeps a one-connection pool usable through named statements, failures and plain queries", async () => {
    // One connection: every transaction below reuses it, with the statements it already prepared.
    const pool = new Pool({ connectionString: t.url!, max: 1, options: "-c TimeZone=UTC" });
    nameStatementsOf(pool);
    const db = drizzle({ client: pool, schema }) as unknown as Db;
    try {
      for (const [i, id] of ["lead_pi_11", "lead_pi_12"].entries()) {
        await fewTripsTransaction(db, [insertLead.bind(lead(id, `+551190000011${i}`))], async ({ commitWith }) =>
          commitWith([insertInteracao.bind({ leadId: id, tipo: "nota", conteudo: String(i) })]),
        );
      }
      // A failure on a statement this connection already prepared: the transaction must not stay open.
      await expect(
        fewTripsTransaction(
          db,
          [insertInteracao.bind({ leadId: "lead_que_nao_existe", tipo: "nota", conteudo: null })],
          async () => null,
        ),
      ).rejects.toThrow();
      // A failure in a trip that prepared a statement (a new text), then the same statements again.
      const fresh = compiledInsert("teste.poucas.interacoes.insert2", interacoes, ["leadId", "tipo"]);
      await expect(
        fewTripsTransaction(db, [fresh.bind({ leadId: "lead_que_nao_existe", tipo: "nota" })], async () => null),
      ).rejects.toThrow();
      await fewTripsTransaction(
        db,
        [fresh.bind({ leadId: "lead_pi_11", tipo: "nota" }), leadById.bind({ id: "lead_pi_12" })],
        async () => null,
      );
      // The same text through drizzle's ordinary path on that connection.
      expect(await db.select({ id: leads.id, nome: leads.nome }).from(leads).where(eq(leads.id, "lead_pi_11"))).toEqual(
        [{ id: "lead_pi_11", nome: "Bruna" }],
      );
      expect(await db.select().from(interacoes).where(eq(interacoes.leadId, "lead_pi_11"))).toHaveLength(2);
    } finally {
      await pool.end();
    }
  });
});
