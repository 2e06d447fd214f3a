import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfiguracoes } from "@/lib/domain/configuracoes-imobiliaria";
import { createDb } from "./client";
import { executeRows } from "./execute-rows";
import { migrateDb } from "./migrate";
import { corretores, eventos, imobiliarias, interacoes, leads } from "./schema";
import { createTestDb, type TestDb } from "./test-db";

// The seed's DDL (arquitetura-tecnica.md), column for column: [data_type, max length, nullable].
type Col = [string, number | null, "YES" | "NO"];
const vc = (n: number, nullable: "YES" | "NO" = "YES"): Col => ["character varying", n, nullable];
const ts: Col = ["timestamp without time zone", null, "YES"];
const json: Col = ["jsonb", null, "YES"];
const text: Col = ["text", null, "YES"];
const SEED: Record<string, Record<string, Col>> = {
  corretores: {
    id: vc(50, "NO"),
    nome: vc(200, "NO"),
    telefone: vc(20, "NO"),
    email: vc(200),
    imobiliaria: vc(200),
    ativo: ["boolean", null, "YES"],
    data_cadastro: ts,
    preferencias: json,
    atuacao: json,
    metadata: json,
  },
  leads: {
    id: vc(50, "NO"),
    corretor_id: vc(50),
    nome: vc(200, "NO"),
    telefone: vc(20, "NO"),
    email: vc(200),
    origem: vc(50),
    data_primeiro_contato: ts,
    data_ultima_interacao: ts,
    score: ["integer", null, "YES"],
    status: vc(50),
    busca: json,
    metadata: json,
  },
  interacoes: {
    id: ["integer", null, "NO"],
    lead_id: vc(50),
    data: ts,
    tipo: vc(50),
    conteudo: text,
    sentimento: vc(50),
    metadata: json,
  },
  eventos: {
    id: vc(50, "NO"),
    tipo: vc(50),
    urgencia: vc(20),
    corretor_id: vc(50),
    lead_id: vc(50),
    titulo: vc(500),
    descricao: text,
    acao_recomendada: text,
    data_deteccao: ts,
    processado: ["boolean", null, "YES"],
    metadata: json,
  },
};
const ADDED_TABLES = [
  "imobiliarias",
  "imoveis",
  "usuarios",
  "mensagens",
  "entregas_webhook",
  "integracoes",
  "auditoria",
  "incidentes",
];

const journalEntries = (): number =>
  JSON.parse(readFileSync(path.join(process.cwd(), "drizzle/meta/_journal.json"), "utf8")).entries.length;

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.cleanup();
});

describe("migrations", () => {
  it("create every table", async () => {
    const rows = await executeRows<{ table_name: string }>(
      t.db,
      sql`select table_name from information_schema.tables where table_schema = 'public'`,
    );
    const names = rows.map((r) => r.table_name);
    expect(names).toEqual(expect.arrayContaining([...Object.keys(SEED), ...ADDED_TABLES]));
  });

  it.each(Object.keys(SEED))("give %s the seed's columns", async (table) => {
    const rows = await executeRows<{
      column_name: string;
      data_type: string;
      character_maximum_length: number | null;
      is_nullable: "YES" | "NO";
    }>(
      t.db,
      sql`select column_name, data_type, character_maximum_length, is_nullable
          from information_schema.columns where table_schema = 'public' and table_name = ${table}`,
    );
    const actual = Object.fromEntries(
      rows.map((r) => [r.column_name, [r.data_type, r.character_maximum_length, r.is_nullable]]),
    );
    for (const [column, expected] of Object.entries(SEED[table]!)) {
      expect(actual[column], `${table}.${column}`).toEqual(expected);
    }
  });

  it("create the seed's indexes", async () => {
    const rows = await executeRows<{ indexname: string; indexdef: string }>(
      t.db,
      sql`select indexname, indexdef from pg_indexes where schemaname = 'public'`,
    );
    const defs = Object.fromEntries(rows.map((r) => [r.indexname, r.indexdef]));
    expect(defs.idx_leads_corretor).toMatch(/ON public\.leads .*\(corretor_id\)/);
    expect(defs.idx_leads_score).toMatch(/ON public\.leads .*\(score DESC\)/);
    expect(defs.idx_leads_status).toMatch(/ON public\.leads .*\(status\)/);
    expect(defs.idx_interacoes_lead).toMatch(/ON public\.interacoes .*\(lead_id\)/);
    expect(defs.idx_eventos_corretor).toMatch(/ON public\.eventos .*\(corretor_id\)/);
    expect(defs.idx_eventos_processado).toMatch(/ON public\.eventos .*\(processado\)/);
  });

  it("keep the seed's defaults, with now() in UTC", async () => {
    const before = Date.now();
    await t.db
      .insert(imobiliarias)
      .values({ id: "imob_def", slug: "def", nome: "Def", configuracoes: parseConfiguracoes({}) });
    await t.db.insert(corretores).values({ id: "cor_def", nome: "Ana", telefone: "+5511999990000" });
    await t.db.insert(leads).values({ id: "lead_def", nome: "Bia", telefone: "+5511988880000" });
    await t.db.insert(eventos).values({ id: "evt_def" });
    await t.db.insert(interacoes).values({ leadId: "lead_def" });

    const [corretor] = await t.db.select().from(corretores);
    const [lead] = await t.db.select().from(leads);
    const [evento] = await t.db.select().from(eventos);
    const [interacao] = await t.db.select().from(interacoes);
    expect(corretor?.ativo).toBe(true);
    expect(lead?.score).toBe(0);
    expect(evento?.processado).toBe(false);
    expect(interacao?.id).toBeGreaterThan(0);
    // `timestamp` without time zone is read as UTC: a session in another zone would shift this by hours.
    for (const value of [corretor?.dataCadastro, evento?.dataDeteccao, interacao?.data]) {
      expect(value).toBeInstanceOf(Date);
      expect(Math.abs(value!.getTime() - before)).toBeLessThan(60_000);
    }
  });

  it("apply once when two migrators start together", async () => {
    const empty = await createTestDb({ migrate: false });
    // On a server, a second pool stands in for a second process; PGlite only has the one instance.
    const other = empty.url ? await createDb({ driver: "postgres", url: empty.url }) : empty;
    try {
      await Promise.all([migrateDb(empty), migrateDb(other)]);
      const [row] = await executeRows<{ n: number }>(
        empty.db,
        sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
      );
      expect(row?.n).toBe(journalEntries());
    } finally {
      if (other !== empty) await other.close();
      await empty.cleanup();
    }
  });

  it("are a no-op when run again", async () => {
    await migrateDb(t);
    const [row] = await executeRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
    );
    expect(row?.n).toBe(journalEntries());
  });
});
