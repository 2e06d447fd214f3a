// Real database (PGlite, or Postgres with DATABASE_URL): the batch decides routine events as
// processEvento would, and hands back everything that is not routine.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getEventoForPipeline, insertEvento, markEventosDecididosIfPending } from "@/lib/db/queries/eventos";
import { listMensagens } from "@/lib/db/queries/mensagens";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { decideBatch, MAX_BATCH } from "./decide-batch";
import { processEvento } from "./process-evento";
import { createDefaultKv, createLeadEvento, createScene, fixedClock, TUE_1000 } from "./testing/orquestrador-fixture";

let testDb: TestDb;
const kv = createDefaultKv();
beforeAll(async () => void (testDb = await createTestDb()));
afterAll(async () => {
  await kv.close();
  await testDb?.cleanup();
});

const minutes = (n: number) => new Date(TUE_1000.getTime() + n * 60_000);
const decisao = async (id: string) =>
  (await getEventoForPipeline(testDb.db, id))?.metadata?.decisao as Record<string, unknown> | undefined;

describe("decideBatch", () => {
  it("decides warm and cold leads in one go, as one by one would, and hands back the hot one and a lead's second event", async () => {
    const scene = await createScene(testDb.db);
    const quente = await createLeadEvento(scene, { score: 85, at: minutes(0), nome: "Quente" });
    const morno = await createLeadEvento(scene, { score: 60, at: minutes(1), nome: "Morno" });
    const frio = await createLeadEvento(scene, { score: 20, at: minutes(2), nome: "Frio" });
    const deNovo = await insertEvento(testDb.db, {
      imobiliariaId: scene.agency.id,
      tipo: "lead_retorno",
      urgencia: "media",
      corretorId: scene.corretor.id,
      leadId: morno.lead.id,
      titulo: "Lead voltou",
      descricao: "teste",
      acaoRecomendada: "teste",
      dataDeteccao: minutes(3),
    });
    const clock = fixedClock(minutes(4));
    const ids = [quente.evento.id, morno.evento.id, frio.evento.id, deNovo.id];

    const restantes = await decideBatch({ db: testDb.db, now: clock.now }, ids);

    // In arrival order: processEvento runs them after the batch, so the repeat sees the grouping.
    expect(restantes).toEqual([quente.evento.id, deNovo.id]);
    expect(await decisao(morno.evento.id)).toMatchObject({ acao: "agrupar", mensagemIds: [] });
    expect(await decisao(frio.evento.id)).toMatchObject({ acao: "so_resumo", mensagemIds: [] });
    expect((await getEventoForPipeline(testDb.db, quente.evento.id))!.processado).toBe(false);
    expect((await getEventoForPipeline(testDb.db, deNovo.id))!.processado).toBe(false);
    expect(await listMensagens(testDb.db, scene.agency.id, { limit: 10 })).toEqual([]);

    // The same leads one by one record the same decisions.
    const sozinho = await createScene(testDb.db);
    const m2 = await createLeadEvento(sozinho, { score: 60, at: minutes(1), nome: "Morno" });
    const f2 = await createLeadEvento(sozinho, { score: 20, at: minutes(2), nome: "Frio" });
    const deps = { db: testDb.db, kv, now: clock.now };
    await processEvento(deps, m2.evento.id);
    await processEvento(deps, f2.evento.id);
    const semId = (d: Record<string, unknown> | undefined) => ({ ...d, decididoEm: undefined });
    expect(semId(await decisao(morno.evento.id))).toEqual(semId(await decisao(m2.evento.id)));
    expect(semId(await decisao(frio.evento.id))).toEqual(semId(await decisao(f2.evento.id)));
  });

  it("hands back an event already decided or gone; a lead who opted out is cancelled", async () => {
    const scene = await createScene(testDb.db);
    const feito = await createLeadEvento(scene, { score: 60, at: minutes(10) });
    const clock = fixedClock(minutes(11));
    await processEvento({ db: testDb.db, kv, now: clock.now }, feito.evento.id);
    const saiu = await createLeadEvento(scene, { score: 60, at: minutes(12), nome: "Saiu" });
    // As optOutLeads leaves the lead (agents/vigilante/opt-out.ts).
    await testDb.db.execute(
      sql`update leads set metadata = metadata || '{"optOut": {"em": "2026-11-24T13:00:00Z"}}'::jsonb where id = ${saiu.lead.id}`,
    );
    const restantes = await decideBatch({ db: testDb.db, now: clock.now }, [
      feito.evento.id,
      "evt_nao_existe",
      saiu.evento.id,
    ]);
    expect(restantes).toEqual([feito.evento.id, "evt_nao_existe"]);
    expect(await decisao(saiu.evento.id)).toMatchObject({ acao: "cancelado", motivo: "opt_out" });
  });

  it("never overwrites a decision a concurrent run recorded first", async () => {
    const scene = await createScene(testDb.db);
    const { evento } = await createLeadEvento(scene, { score: 20, at: minutes(20) });
    await processEvento({ db: testDb.db, kv, now: fixedClock(minutes(21)).now }, evento.id);
    const antes = await decisao(evento.id);
    const marcados = await markEventosDecididosIfPending(testDb.db, [{ id: evento.id, decisao: { acao: "agrupar" } }]);
    expect(marcados.size).toBe(0);
    expect(await decisao(evento.id)).toEqual(antes);
  });

  it("refuses more than a batch's worth", async () => {
    const ids = Array.from({ length: MAX_BATCH + 1 }, (_, i) => `evt_${i}`);
    await expect(decideBatch({ db: testDb.db, now: () => TUE_1000 }, ids)).rejects.toThrow(/no máximo/);
  });
});
