import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listMensagens } from "@/lib/db/queries/mensagens";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { kvKeys } from "@/lib/kv/keys";
import type { Kv } from "@/lib/kv/types";
import { flushAgrupamentos } from "./flush-agrupamentos";
import { processEvento } from "./process-evento";
import {
  createLeadEvento,
  createScene,
  fixedClock,
  kvTargets,
  throwingKv,
  TUE_1000,
  type Scene,
} from "./testing/orquestrador-fixture";

let testDb: TestDb;
beforeAll(async () => void (testDb = await createTestDb()));
afterAll(async () => testDb?.cleanup());

const MIN = 60_000;
const digests = async (scene: Scene) =>
  (await listMensagens(scene.db, scene.agency.id, { corretorId: scene.corretor.id, limit: 500 })).filter(
    (m) => m.tipo === "agrupada",
  );

for (const target of kvTargets) {
  const suite = target.skipReason ? describe.skip : describe;
  suite(`flushAgrupamentos (${target.name})`, () => {
    let kv: Kv;
    beforeAll(() => void (kv = target.create()));
    afterAll(async () => kv?.close());

    it("warm leads → agrupar, then ONE digest listing them once the window closes", async () => {
      const scene = await createScene(testDb.db);
      const clock = fixedClock();
      const deps = { db: testDb.db, kv, now: clock.now };
      const ids: string[] = [];
      for (const [i, nome] of ["Carla Dias", "Bruno Reis", "Davi Melo"].entries()) {
        clock.set(new Date(TUE_1000.getTime() + i * 5 * MIN)); // 10:00, 10:05, 10:10
        const { evento } = await createLeadEvento(scene, { score: 50 + i, at: clock.now(), nome });
        expect(await processEvento(deps, evento.id)).toEqual({ mensagemIds: [], decisao: "agrupar" });
        ids.push(evento.id);
      }

      clock.set("2026-11-24T13:29:00Z"); // the first event's 30-minute window is still open
      expect((await flushAgrupamentos(deps, { corretorId: scene.corretor.id })).porCorretor).toEqual({
        [scene.corretor.id]: "aguardando_janela",
      });
      expect(await digests(scene)).toHaveLength(0);

      clock.set("2026-11-24T13:31:00Z");
      const flushed = await flushAgrupamentos(deps, { corretorId: scene.corretor.id });
      const [digest, ...more] = await digests(scene);
      expect(more).toHaveLength(0);
      expect(flushed.mensagemIds).toEqual([digest!.id]);
      const first = [...ids].sort()[0]!;
      expect(digest).toMatchObject({
        status: "pendente",
        eventoIds: [...ids].sort(),
        idempotencyKey: `agrupada:${scene.corretor.id}:${first}`,
        leadId: null,
      });
      const lines = digest!.corpo.split("\n");
      expect(lines[0]).toBe("📋 *3 novos leads desde 10h*");
      expect(lines.filter((l) => l.startsWith("• ")).map((l) => l.split(" · ")[0])).toEqual([
        "• *Davi Melo*",
        "• *Bruno Reis*",
        "• *Carla Dias*",
      ]);
      expect(await kv.get(kvKeys.mensagensDia(scene.corretor.id, clock.now()).key)).toBe("1");

      clock.advance(60 * MIN); // nothing left: no second digest
      expect((await flushAgrupamentos(deps, { corretorId: scene.corretor.id })).mensagemIds).toEqual([]);
      expect(await digests(scene)).toHaveLength(1);
    });

    it("a full group goes out before the window closes", async () => {
      const scene = await createScene(testDb.db, { prefs: { agrupamento: { janelaMinutos: 60, tamanhoMaximo: 3 } } });
      const clock = fixedClock();
      const deps = { db: testDb.db, kv, now: clock.now };
      for (let i = 0; i < 3; i++)
        await processEvento(deps, (await createLeadEvento(scene, { score: 45, at: clock.now() })).evento.id);
      clock.advance(MIN);
      await flushAgrupamentos(deps);
      const [digest] = await digests(scene);
      expect(digest!.eventoIds).toHaveLength(3);
    });

    it("off duty: the digest waits for the broker's hours", async () => {
      const scene = await createScene(testDb.db);
      const clock = fixedClock(new Date("2026-11-24T22:40:00Z")); // 19:40 local, window closes 20:10
      const deps = { db: testDb.db, kv, now: clock.now };
      await processEvento(deps, (await createLeadEvento(scene, { score: 60, at: clock.now() })).evento.id);
      clock.set("2026-11-24T23:15:00Z");
      expect((await flushAgrupamentos(deps, { corretorId: scene.corretor.id })).porCorretor[scene.corretor.id]).toBe(
        "fora_do_expediente",
      );
      clock.set("2026-11-25T11:00:00Z"); // Wednesday 08:00
      expect((await flushAgrupamentos(deps, { corretorId: scene.corretor.id })).mensagemIds).toHaveLength(1);
    });
  });
}

describe("alerts held by the quota are told in the next allowed digest, once", () => {
  const targets = [...kvTargets, { name: "KV down", skipReason: undefined, create: () => throwingKv() as Kv }];
  for (const target of targets) {
    const run = target.skipReason ? it.skip : it;
    run(target.name, async () => {
      const kv = target.create();
      const scene = await createScene(testDb.db);
      const clock = fixedClock();
      const deps = { db: testDb.db, kv, now: clock.now };
      const events = [];
      for (let i = 0; i < 8; i++)
        events.push((await createLeadEvento(scene, { score: 90, at: clock.now(), nome: `Quente ${i}` })).evento);
      await Promise.all(events.map((e) => processEvento(deps, e.id)));
      const { evento: morno } = await createLeadEvento(scene, { score: 50, at: clock.now(), nome: "Morno" });
      await processEvento(deps, morno.id);

      clock.advance(45 * MIN); // window closed, but today's 5 slots are gone: nothing is written
      expect((await flushAgrupamentos(deps, { corretorId: scene.corretor.id })).porCorretor[scene.corretor.id]).toBe(
        "aguardando_cota",
      );
      expect(await digests(scene)).toHaveLength(0);

      clock.set("2026-11-25T11:05:00Z"); // next day, 08:05: the new day's first slot
      await flushAgrupamentos(deps, { corretorId: scene.corretor.id });
      const [digest, ...more] = await digests(scene);
      expect(more).toHaveLength(0);
      expect(digest!.eventoIds).toHaveLength(4); // 3 held alerts + 1 warm event
      const lines = digest!.corpo.split("\n");
      expect(lines[0]).toBe("📋 *4 novos leads desde 24/11 às 10h*");
      expect(lines[2]).toBe("⚠️ *3 alertas retidos pelo limite de 5 por dia:*");
      expect(lines).toContain("*Outros leads:*");

      clock.advance(60 * MIN);
      expect((await flushAgrupamentos(deps, { corretorId: scene.corretor.id })).mensagemIds).toEqual([]);
      expect(await digests(scene)).toHaveLength(1);
      await kv.close().catch(() => undefined);
    });
  }
});
