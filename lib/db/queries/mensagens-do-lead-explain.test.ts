// On real Postgres with 30,000 messages: the lead page reads one lead's messages through
// idx_mensagens_lead_criado (plus the digests by primary key), never a scan of the whole table,
// which is what every lead page cost before the index (docs/performance.md, "Painel a 100 mil leads").
// PGlite is skipped: its planner is the same, but the point is the server CI and production run.
import { sql } from "drizzle-orm";
import { env } from "@/lib/env";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertCorretor } from "@/lib/db/testing/corretores";
import { createTestDb, type TestDb } from "../test-db";
import { insertImobiliaria } from "./imobiliarias";
import { mensagensDoLeadQuery } from "./mensagens";
import { explainPlan } from "@/lib/db/testing/explain";

let t: TestDb;
let agency: string;

beforeAll(async () => {
  t = await createTestDb();
  if (t.label !== "postgres") return;
  agency = (await insertImobiliaria(t.db, { slug: "explain-m", nome: "M" })).id;
  const corretor = (await insertCorretor(t.db, { imobiliariaId: agency, nome: "Carla", telefone: "+5511900050001" }))
    .id;
  await t.db.execute(sql`insert into leads (id, imobiliaria_id, corretor_id, nome, telefone, origem, status)
    select 'lead_m' || lpad(g::text, 6, '0'), ${agency}, ${corretor}, 'Lead ' || g, '+55119' || lpad(g::text, 8, '0'),
      'zap', 'novo'
    from generate_series(1, 3000) g`);
  await t.db.execute(sql`insert into mensagens (id, imobiliaria_id, corretor_id, lead_id, tipo, destino, corpo, status,
      idempotency_key, criado_em)
    select 'msg_m' || lpad(g::text, 6, '0'), ${agency}, ${corretor}, 'lead_m' || lpad((g % 3000 + 1)::text, 6, '0'),
      'alerta', '+5511900050001', repeat('x', 200), 'enviada', 'k' || g, timestamp '2026-01-01' + g * interval '1 minute'
    from generate_series(1, 30000) g`);
  await t.db.execute(sql`analyze leads`);
  await t.db.execute(sql`analyze mensagens`);
}, 60_000);
afterAll(async () => {
  await t?.cleanup();
});

async function explain(agrupadaIds: string[]): Promise<string> {
  return explainPlan(t.url!, mensagensDoLeadQuery(t.db, agency, "lead_m001234", agrupadaIds));
}

describe.runIf(env.database.url)("the lead page's messages on Postgres", () => {
  it("reads one lead's messages through its (lead_id, criado_em) index", async () => {
    const plan = await explain([]);
    expect(plan).toMatch(/Index Scan.* using idx_mensagens_lead_criado|Bitmap Index Scan on idx_mensagens_lead_criado/);
    expect(plan).not.toMatch(/Seq Scan on mensagens/);
  });

  it("adds the digests that told its events by primary key, still without scanning the table", async () => {
    const plan = await explain(["msg_m000001", "msg_m000002"]);
    expect(plan).toMatch(/Bitmap Index Scan on idx_mensagens_lead_criado/);
    expect(plan).toMatch(/Bitmap Index Scan on mensagens_pkey/);
    expect(plan).not.toMatch(/Seq Scan on mensagens/);
  });
});
