// On real Postgres with 30,000 leads: /leads' first page reads an index range in list order and stops
// after one page (no Sort, no scan of the agency's leads), whole agency, one broker or one status.
// PGlite is skipped: its planner is the same, but the point is the server CI and production run.
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { env } from "@/lib/env";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertCorretor } from "@/lib/db/testing/corretores";
import { createTestDb, type TestDb } from "../test-db";
import { insertImobiliaria } from "./imobiliarias";
import { pageQuery, type LeadsBusca, type LeadsCursor } from "./leads-lista";
import { explainPlan } from "@/lib/db/testing/explain";

let t: TestDb;
let agency: string;
let corretor: string;

beforeAll(async () => {
  t = await createTestDb();
  if (t.label !== "postgres") return;
  agency = (await insertImobiliaria(t.db, { slug: "explain-a", nome: "A" })).id;
  corretor = (await insertCorretor(t.db, { imobiliariaId: agency, nome: "Carla", telefone: "+5511900040001" })).id;
  await t.db.execute(sql`insert into leads (id, imobiliaria_id, corretor_id, nome, telefone, origem, score, status,
      data_primeiro_contato)
    select 'lead_x' || lpad(g::text, 6, '0'), ${agency}, case when g % 10 = 0 then ${corretor} end,
      'Lead ' || md5(g::text),
      '+55119' || lpad(g::text, 8, '0'), (array['zap','olx','site'])[g % 3 + 1], g % 101,
      (array['novo','em_contato','perdido'])[g % 3 + 1], timestamp '2026-01-01' + g * interval '1 minute'
    from generate_series(1, 30000) g`);
  // VACUUM, not only ANALYZE: it moves the GIN indexes' pending entries (every row here came after them) into
  // the index proper, as autovacuum does on a live table; the planner prices a long pending list high.
  await t.db.execute(sql`vacuum analyze leads`);
}, 60_000);
afterAll(async () => {
  await t?.cleanup();
});

async function explain(busca: LeadsBusca, corretorId: string | null = null, apos?: LeadsCursor): Promise<string> {
  return explainPlan(t.url!, pageQuery(t.db, { imobiliariaId: agency, corretorId }, busca, 50, apos));
}

describe.runIf(env.database.url)("the /leads first page on Postgres", () => {
  it.each([
    ["the whole agency", {}, null, "idx_leads_imobiliaria_recebido"],
    ["one broker's leads", {}, "corretor", "idx_leads_imobiliaria_corretor_recebido"],
    ["one status", { status: "perdido" }, null, "idx_leads_imobiliaria_status_recebido"],
  ] as const)("reads %s through its index, in order, without sorting", async (_, busca, who, index) => {
    const plan = await explain(busca, who ? corretor : null);
    expect(plan).toMatch(new RegExp(`Index Scan using ${index}`));
    expect(plan).not.toMatch(/Sort/);
  });

  it("finds a phone through the (agency, phone) index, not by walking the list", async () => {
    const plan = await explain({ telefones: ["+5511900012345", "+551100012345"] });
    expect(plan).toMatch(
      /Index Scan using idx_leads_imobiliaria_telefone_contato|Bitmap Index Scan on idx_leads_imobiliaria_telefone_contato/,
    );
  });

  it("finds a name or e-mail within a big status through the trigram indexes, not by walking the status", async () => {
    // Names as varied as people's (a hex digest stands in for them): each shares few trigrams with the others.
    const nome = createHash("md5").update("12345").digest("hex").slice(0, 12);
    const plan = await explain({ texto: nome, status: "perdido" });
    expect(plan).toMatch(/Bitmap Index Scan on idx_leads_nome_trgm/);
    expect(plan).toMatch(/Bitmap Index Scan on idx_leads_email_trgm/);
    expect(plan).not.toMatch(/idx_leads_imobiliaria_status_recebido|idx_leads_status|Seq Scan on leads/);
  });

  it("starts a later page at its boundary inside the index (an index condition, not a filter)", async () => {
    const plan = await explain({}, null, { recebido: "2026-01-10T00:00:00.000000", id: "lead_x012000" });
    expect(plan).toMatch(/Index Scan using idx_leads_imobiliaria_recebido/);
    expect(plan).toMatch(/Index Cond: .*ROW\(data_primeiro_contato/);
    expect(plan).not.toMatch(/Sort|Filter/);
  });
});
