// On real Postgres with 30,000 leads: each /funil column reads its status's index range newest first
// and stops at the column's bound (no Sort, no scan of the agency's leads), and a broker's totals are
// one index-only count. PGlite is skipped: the point is the server CI and production run.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { insertCorretor } from "@/lib/db/testing/corretores";
import { createTestDb, type TestDb } from "../test-db";
import { insertImobiliaria } from "./imobiliarias";
import { columnQuery, countQuery } from "./leads-funil";
import { explainPlan } from "@/lib/db/testing/explain";

let t: TestDb;
let agency: string;
let corretor: string;

beforeAll(async () => {
  t = await createTestDb();
  if (t.label !== "postgres") return;
  agency = (await insertImobiliaria(t.db, { slug: "funil-explain", nome: "A" })).id;
  corretor = (await insertCorretor(t.db, { imobiliariaId: agency, nome: "Carla", telefone: "+5511900070001" })).id;
  await t.db.execute(sql`insert into leads (id, imobiliaria_id, corretor_id, nome, telefone, origem, score, status,
      data_primeiro_contato)
    select 'lead_f' || lpad(g::text, 6, '0'), ${agency}, case when g % 10 = 0 then ${corretor} end, 'Lead ' || g,
      '+55119' || lpad(g::text, 8, '0'), (array['zap','olx','site'])[g % 3 + 1], g % 101,
      (array['novo','em_contato','visita_agendada','visita_realizada','proposta','fechado','perdido'])[g % 7 + 1],
      timestamp '2026-01-01' + g * interval '1 minute'
    from generate_series(1, 30000) g`);
  // Autovacuum's work in production: without a visibility map no index-only scan is worth it.
  await t.db.execute(sql`vacuum analyze leads`);
}, 60_000);
afterAll(async () => {
  await t?.cleanup();
});

async function explain(query: { toSQL(): { sql: string; params: unknown[] } }): Promise<string> {
  return explainPlan(t.url!, query, { analyze: true });
}

describe.runIf(env.database.url)("the /funil board on Postgres", () => {
  it("reads a column through the (agency, status, receipt time) index and stops at its bound", async () => {
    const plan = await explain(columnQuery(t.db, { imobiliariaId: agency, corretorId: null }, {}, "proposta", 30));
    expect(plan).toMatch(/Index Scan using idx_leads_imobiliaria_status_recebido/);
    expect(plan).not.toMatch(/Sort/);
    // The index scan returns the 30 rows it needs, not the status's 4,000.
    expect(plan).toMatch(/Index Scan using idx_leads_imobiliaria_status_recebido[^\n]*actual[^\n]*rows=30 /);
  });

  it("reads a broker's column without sorting or scanning the agency", async () => {
    const plan = await explain(columnQuery(t.db, { imobiliariaId: agency, corretorId: corretor }, {}, "fechado", 30));
    expect(plan).toMatch(/Index Scan using idx_leads_imobiliaria_(status|corretor)_recebido/);
    expect(plan).not.toMatch(/Seq Scan|Sort/);
  });

  // A manager's totals count the agency's leads (here, the whole table): that is what a total is.
  it("counts a broker's columns from the index, not by reading the agency's leads", async () => {
    const plan = await explain(countQuery(t.db, { imobiliariaId: agency, corretorId: corretor }, {}));
    expect(plan).toMatch(/Index Only Scan using idx_leads_imobiliaria_status_corretor/);
    expect(plan).not.toMatch(/Seq Scan/);
  });
});
