// On real Postgres with 30,000 events: /eventos' first page reads an index range in list order and
// stops after one page (no Sort, no scan of the agency's events), whole agency, one broker or one tipo;
// a later page starts at its boundary inside the index. PGlite is skipped, as in leads-lista-explain.
import { sql } from "drizzle-orm";
import { env } from "@/lib/env";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertCorretor } from "@/lib/db/testing/corretores";
import { createTestDb, type TestDb } from "../test-db";
import { eventosPageQuery, type EventosBusca, type EventosCursor } from "./eventos-lista";
import { insertImobiliaria } from "./imobiliarias";
import { explainPlan } from "@/lib/db/testing/explain";

let t: TestDb;
let agency: string;
let corretor: string;

beforeAll(async () => {
  t = await createTestDb();
  if (t.label !== "postgres") return;
  agency = (await insertImobiliaria(t.db, { slug: "explain-eventos", nome: "A" })).id;
  const other = (await insertImobiliaria(t.db, { slug: "explain-eventos-b", nome: "B" })).id;
  corretor = (await insertCorretor(t.db, { imobiliariaId: agency, nome: "Carla", telefone: "+5511900080001" })).id;
  await t.db.execute(sql`insert into eventos (id, imobiliaria_id, corretor_id, tipo, urgencia, titulo, processado,
      data_deteccao)
    select 'evt_x' || lpad(g::text, 6, '0'), case when g % 20 = 0 then ${other} else ${agency} end,
      case when g % 10 = 1 then ${corretor} end,
      case when g % 500 = 0 then 'sla_violado' else (array['novo_lead','lead_retorno','visita_solicitada'])[g % 3 + 1] end,
      (array['baixa','media','alta','critica'])[g % 4 + 1], 'Evento ' || g, g % 7 <> 0,
      timestamp '2026-01-01' + g * interval '1 minute'
    from generate_series(1, 30000) g`);
  await t.db.execute(sql`analyze eventos`);
}, 60_000);
afterAll(async () => {
  await t?.cleanup();
});

async function explain(busca: EventosBusca, corretorId: string | null = null, apos?: EventosCursor): Promise<string> {
  return explainPlan(t.url!, eventosPageQuery(t.db, { imobiliariaId: agency, corretorId }, busca, 30, apos));
}

describe.runIf(env.database.url)("the /eventos first page on Postgres", () => {
  it.each([
    ["the whole agency", {}, null, "idx_eventos_imobiliaria_deteccao"],
    ["one broker's events", {}, "corretor", "idx_eventos_imobiliaria_corretor_deteccao"],
    ["a rare tipo", { tipo: "sla_violado" }, null, "idx_eventos_imobiliaria_tipo_deteccao"],
  ] as const)("reads %s through its index, in order, without sorting", async (_, busca, who, index) => {
    const plan = await explain(busca, who ? corretor : null);
    expect(plan).toMatch(new RegExp(`Index Scan using ${index}`));
    expect(plan).not.toMatch(/Sort/);
  });

  it("starts a later page at its boundary inside the index (an index condition, not a filter)", async () => {
    const plan = await explain({}, null, { detectado: "2026-01-10T00:00:00.000000", id: "evt_x012000" });
    expect(plan).toMatch(/Index Scan using idx_eventos_imobiliaria_deteccao/);
    expect(plan).toMatch(/Index Cond: .*ROW\(eventos\.data_deteccao|Index Cond: .*ROW\(data_deteccao/);
    expect(plan).not.toMatch(/Sort/);
  });
});
