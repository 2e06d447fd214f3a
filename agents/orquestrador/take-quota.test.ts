// The daily quota across a KV that lost its counters: the in-memory store on every restart of the
// zero-config run, or a Redis restarted without persistence. Real database (PGlite, or Postgres at
// DATABASE_URL); each "process" gets its own fresh in-memory KV.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listMensagens } from "@/lib/db/queries/mensagens";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { createKv } from "@/lib/kv";
import { processEvento } from "./process-evento";
import { createLeadEvento, createScene, fixedClock, TUE_1000 } from "./testing/orquestrador-fixture";

let testDb: TestDb;
beforeAll(async () => void (testDb = await createTestDb()));
afterAll(async () => testDb?.cleanup());

describe("daily quota after the KV lost its counters", () => {
  it("a restart mid-day does not give the broker a second day's worth of alerts", async () => {
    const scene = await createScene(testDb.db);
    const limit = scene.corretor.preferencias.limiteDiario;
    const clock = fixedClock(TUE_1000);
    async function hotLeads(n: number, kv: ReturnType<typeof createKv>, from: number) {
      for (let i = 0; i < n; i++) {
        clock.advance(60_000);
        const { evento } = await createLeadEvento(scene, { score: 85, at: clock.now(), nome: `Quente ${from + i}` });
        await processEvento({ db: testDb.db, kv, now: clock.now }, evento.id);
      }
    }
    const alertas = async () =>
      (await listMensagens(scene.db, scene.agency.id, { corretorId: scene.corretor.id })).filter(
        (m) => m.tipo === "alerta",
      );

    const firstProcess = createKv({ driver: "memory" });
    await hotLeads(limit - 2, firstProcess, 0);
    await firstProcess.close();

    // The process restarts: a new, empty KV; the same São Paulo day.
    const secondProcess = createKv({ driver: "memory" });
    await hotLeads(limit, secondProcess, limit);
    await secondProcess.close();

    const rows = await alertas();
    expect(rows.filter((m) => m.status !== "retida_cota")).toHaveLength(limit);
    expect(rows.filter((m) => m.status === "retida_cota")).toHaveLength(limit - 2);
  });

  it("a day already full before the restart holds every new alert", async () => {
    const scene = await createScene(testDb.db);
    const limit = scene.corretor.preferencias.limiteDiario;
    const clock = fixedClock(TUE_1000);
    const run = async (kv: ReturnType<typeof createKv>, n: number, from: number) => {
      for (let i = 0; i < n; i++) {
        clock.advance(60_000);
        const { evento } = await createLeadEvento(scene, { score: 85, at: clock.now(), nome: `Cheio ${from + i}` });
        await processEvento({ db: testDb.db, kv, now: clock.now }, evento.id);
      }
      await kv.close();
    };
    await run(createKv({ driver: "memory" }), limit, 0);
    await run(createKv({ driver: "memory" }), 3, limit);
    const rows = (await listMensagens(scene.db, scene.agency.id, { corretorId: scene.corretor.id })).filter(
      (m) => m.tipo === "alerta",
    );
    expect(rows.filter((m) => m.status !== "retida_cota")).toHaveLength(limit);
    expect(rows.filter((m) => m.status === "retida_cota")).toHaveLength(3);
  });
});
