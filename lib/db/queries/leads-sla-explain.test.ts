// On real Postgres with 100,000 leads, of which a few hundred still wait for a first response with a
// step of the SLA chain left: the sweep's query (every minute) reads idx_leads_sla_pendente, in its
// order, and stops at its limit — never the whole table, never a Sort. PGlite is skipped, as in
// leads-lista-explain.
import { sql } from "drizzle-orm";
import { env } from "@/lib/env";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertCorretor } from "@/lib/db/testing/corretores";
import { createTestDb, type TestDb } from "../test-db";
import { insertImobiliaria } from "./imobiliarias";
import { listSlaPendentes, slaPendentesQuery } from "./leads-sla";
import { explainPlan } from "@/lib/db/testing/explain";

let t: TestDb;
const NOW = new Date("2026-04-01T12:00:00Z");

beforeAll(async () => {
  t = await createTestDb();
  if (t.label !== "postgres") return;
  const agency = (await insertImobiliaria(t.db, { slug: "explain-sla", nome: "A" })).id;
  const corretor = (await insertCorretor(t.db, { imobiliariaId: agency, nome: "Carla", telefone: "+5511900050001" }))
    .id;
  // Every 300th lead is still unanswered and open with its chain running; the rest were answered,
  // closed, or finished their chain — as in an agency with a year of leads.
  await t.db.execute(sql`insert into leads (id, imobiliaria_id, corretor_id, nome, telefone, origem, score, status,
      data_primeiro_contato, primeira_resposta_em, sla_etapa)
    select 'lead_s' || lpad(g::text, 6, '0'), ${agency}, ${corretor}, 'Lead ' || g,
      '+55119' || lpad(g::text, 8, '0'), 'zap', g % 101,
      case when g % 300 = 0 then 'novo' else (array['em_contato','perdido','fechado'])[g % 3 + 1] end,
      timestamp '2026-01-01' + g * interval '1 minute',
      case when g % 300 = 0 then null else timestamp '2026-01-01' + g * interval '1 minute' + interval '5 minutes' end,
      case when g % 600 = 0 then 3 else (g % 3) end
    from generate_series(1, 100000) g`);
  await t.db.execute(sql`vacuum analyze leads`);
}, 120_000);
afterAll(async () => {
  await t?.cleanup();
});

describe.runIf(env.database.url)("the SLA sweep's query on Postgres", () => {
  it("reads the small partial index in order, without a Sort or a scan of the table", async () => {
    const plan = await explainPlan(t.url!, slaPendentesQuery(t.db, NOW, 500));
    expect(plan).toMatch(/Index Scan using idx_leads_sla_pendente/);
    expect(plan).not.toMatch(/Seq Scan|Sort/);
  });

  it("finds exactly the leads still waiting with a step left", async () => {
    const rows = await listSlaPendentes(t.db, NOW, 1000);
    // g % 300 = 0 (333 leads), minus those whose chain ended (g % 600 = 0: 166).
    expect(rows).toHaveLength(167);
    expect(rows.every((r) => r.etapa < 3)).toBe(true);
  });
});
