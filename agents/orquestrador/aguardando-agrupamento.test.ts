// What waits for a digest: events decided `agrupar` and alerts the quota held back, until an
// `agrupada` message tells them. Runs on PGlite, and on the real Postgres in CI.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { executeText } from "@/lib/db/execute-rows";
import {
  eventosAguardandoAgrupamentoQuery,
  getEventoForPipeline,
  listEventosAguardandoAgrupamento,
} from "@/lib/db/queries/eventos";
import { insertMensagemOnce } from "@/lib/db/queries/mensagens";
import { listRetidasSemAgrupada, retidasSemAgrupadaQuery } from "@/lib/db/queries/mensagens-quota";
import { markEventosAgrupadosFromDigests, markRetidasAgrupadasFromDigests } from "@/lib/db/testing/digest-links";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { processEvento } from "./process-evento";
import { createDefaultKv, createLeadEvento, createScene, fixedClock, type Scene } from "./testing/orquestrador-fixture";

let testDb: TestDb;
beforeAll(async () => void (testDb = await createTestDb()));
afterAll(async () => testDb?.cleanup());

/** A warm lead's event, decided `agrupar` by the Orquestrador. */
async function agruparEvento(scene: Scene, clock: ReturnType<typeof fixedClock>) {
  const { evento } = await createLeadEvento(scene, { score: 50, at: clock.now() });
  const result = await processEvento({ db: scene.db, kv: createDefaultKv(), now: clock.now }, evento.id);
  expect(result.decisao).toBe("agrupar");
  return evento;
}

async function retida(scene: Scene, eventoId: string) {
  const { mensagem } = await insertMensagemOnce(scene.db, {
    imobiliariaId: scene.agency.id,
    corretorId: scene.corretor.id,
    eventoId,
    tipo: "alerta",
    destino: scene.corretor.telefone,
    corpo: "Lead quente retido pela cota",
    status: "retida_cota",
    idempotencyKey: `${eventoId}:${scene.corretor.id}:alerta`,
  });
  return mensagem;
}

async function digest(scene: Scene, eventoIds: string[]) {
  const { mensagem } = await insertMensagemOnce(scene.db, {
    imobiliariaId: scene.agency.id,
    corretorId: scene.corretor.id,
    eventoIds,
    tipo: "agrupada",
    destino: scene.corretor.telefone,
    corpo: "📋 novos leads",
    status: "enviada",
    idempotencyKey: `agrupada:${scene.corretor.id}:${eventoIds[0]}`,
  });
  return mensagem;
}

describe("waiting for a digest", () => {
  it("a digest written in bulk (the demo seed) tells the events and held alerts it lists, of its own broker only", async () => {
    const scene = await createScene(testDb.db);
    const other = await createScene(testDb.db);
    const clock = fixedClock();
    const [told, heldEvento, untold] = [
      await agruparEvento(scene, clock),
      await agruparEvento(scene, clock),
      await agruparEvento(scene, clock),
    ];
    const held = await retida(scene, heldEvento.id);
    const written = await digest(scene, [told.id, heldEvento.id]);
    // Another broker's digest listing this broker's event tells nothing.
    await digest(other, [untold.id]);

    const waiting = async () => ({
      eventos: (await listEventosAguardandoAgrupamento(testDb.db, { corretorId: scene.corretor.id })).map((e) => e.id),
      retidas: (await listRetidasSemAgrupada(testDb.db, { corretorId: scene.corretor.id })).map((m) => m.id),
    });
    expect(await waiting()).toEqual({ eventos: [told.id, heldEvento.id, untold.id].sort(), retidas: [held.id] });

    await markEventosAgrupadosFromDigests(testDb.db);
    await markRetidasAgrupadasFromDigests(testDb.db);
    expect(await waiting()).toEqual({ eventos: [untold.id], retidas: [] });
    expect((await getEventoForPipeline(testDb.db, told.id))?.mensagemAgrupadaId).toBe(written.id);
  });

  it("the sweep's two reads can be answered from their partial indexes", async () => {
    const scene = await createScene(testDb.db);
    const clock = fixedClock();
    await retida(scene, (await agruparEvento(scene, clock)).id);
    // Sequential scans off: if a query's predicate stopped matching its index, the plan would
    // fall back to another index or a scan and name no partial index.
    const plan = (db: Db, query: { toSQL(): { sql: string; params: unknown[] } }) =>
      db.transaction(async (tx) => {
        await tx.execute(sql`set local enable_seqscan = off`);
        const { sql: text, params } = query.toSQL();
        const rows = await executeText<{ "QUERY PLAN": string }>(tx, `explain ${text}`, params);
        return rows.map((r) => r["QUERY PLAN"]).join("\n");
      });
    // All literals: a prepared statement's generic plan can use a partial index only when nothing
    // in its predicate is a parameter.
    expect(eventosAguardandoAgrupamentoQuery(testDb.db).toSQL().params).toEqual([]);
    expect(retidasSemAgrupadaQuery(testDb.db).toSQL().params).toEqual([]);
    for (const filter of [{}, { corretorId: scene.corretor.id }]) {
      expect(await plan(testDb.db, eventosAguardandoAgrupamentoQuery(testDb.db, filter))).toContain(
        "idx_eventos_aguardando_agrupamento",
      );
      expect(await plan(testDb.db, retidasSemAgrupadaQuery(testDb.db, filter))).toContain(
        "idx_mensagens_retidas_sem_agrupada",
      );
    }
  });
});
