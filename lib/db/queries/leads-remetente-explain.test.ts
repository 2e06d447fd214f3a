// On real Postgres with 100,000 leads over 20 agencies: finding the lead who wrote us on WhatsApp (every
// inbound message from a phone that is no broker's, a stranger's included) reads each agency's
// (agency, phone, arrival) index, never the whole leads table. PGlite is skipped, as in leads-sla-explain.
import { sql } from "drizzle-orm";
import { env } from "@/lib/env";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { explainPlan } from "@/lib/db/testing/explain";
import { createTestDb, type TestDb } from "../test-db";
import { findLeadAlertadoPorTelefone, leadAlertadoPorTelefoneQuery } from "./leads-remetente";

let t: TestDb;

beforeAll(async () => {
  t = await createTestDb();
  if (t.label !== "postgres") return;
  await t.db.execute(sql`insert into imobiliarias (id, slug, nome, configuracoes)
    select 'imb_r' || g, 'remetente-' || g, 'Imobiliária ' || g, '{}'::jsonb from generate_series(1, 20) g`);
  await t.db.execute(sql`insert into corretores (id, imobiliaria_id, nome, telefone)
    select 'cor_r' || g, 'imb_r' || g, 'Corretor ' || g, '+55119000' || lpad(g::text, 5, '0') from generate_series(1, 20) g`);
  await t.db.execute(sql`insert into leads (id, imobiliaria_id, corretor_id, nome, telefone, origem, score, status,
      data_primeiro_contato)
    select 'lead_r' || lpad(g::text, 6, '0'), 'imb_r' || (g % 20 + 1), 'cor_r' || (g % 20 + 1), 'Lead ' || g,
      '+55118' || lpad(g::text, 8, '0'), 'zap', g % 101, 'em_contato',
      timestamp '2026-01-01' + g * interval '1 minute'
    from generate_series(1, 100000) g`);
  // Every 10th lead's alert left.
  await t.db.execute(sql`insert into mensagens (id, imobiliaria_id, corretor_id, lead_id, tipo, destino, corpo, status,
      idempotency_key, sent_at)
    select 'msg_r' || lpad(g::text, 6, '0'), 'imb_r' || (g % 20 + 1), 'cor_r' || (g % 20 + 1),
      'lead_r' || lpad(g::text, 6, '0'), 'alerta', '+5511900000001', 'Novo lead', 'enviada', 'alerta-r-' || g,
      timestamp '2026-01-01' + g * interval '1 minute'
    from generate_series(10, 100000, 10) g`);
  await t.db.execute(sql`vacuum analyze`);
}, 180_000);
afterAll(async () => {
  await t?.cleanup();
});

describe.runIf(env.database.url)("the inbound lead lookup on Postgres", () => {
  it("reads the (agency, phone) index, no scan of the leads table", async () => {
    const plan = await explainPlan(t.url!, leadAlertadoPorTelefoneQuery(t.db, ["+5511955554444"]));
    expect(plan).toMatch(/idx_leads_imobiliaria_telefone_contato/);
    expect(plan).not.toMatch(/Seq Scan on leads/);
  });

  it("finds an alerted lead by phone, and not one whose broker was never told", async () => {
    expect((await findLeadAlertadoPorTelefone(t.db, ["+5511800000020"]))?.id).toBe("lead_r000020");
    expect(await findLeadAlertadoPorTelefone(t.db, ["+5511800000021"])).toBeNull();
  });
});
