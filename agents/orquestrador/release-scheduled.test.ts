import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { updatePreferencias } from "@/lib/db/queries/corretores";
import { claimMensagem, getMensagemById, listMensagens } from "@/lib/db/queries/mensagens";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { kvKeys } from "@/lib/kv/keys";
import type { Kv } from "@/lib/kv/types";
import { flushAgrupamentos } from "./flush-agrupamentos";
import { processEvento } from "./process-evento";
import { releaseScheduled, takeQuotaForScheduled } from "./release-scheduled";
import {
  createDefaultKv,
  createLeadEvento,
  createScene,
  fixedClock,
  throwingKv,
  type Scene,
} from "./testing/orquestrador-fixture";

let testDb: TestDb;
const kv = createDefaultKv();
beforeAll(async () => void (testDb = await createTestDb()));
afterAll(async () => {
  await kv.close();
  await testDb?.cleanup();
});

const TUE_2100 = new Date("2026-11-25T00:00:00Z"); // Tuesday 21:00 local
const WED_0800 = new Date("2026-11-25T11:00:00Z");

/** A broker with `n` hot leads that arrived after hours: n `agendada` alerts for Wednesday 08:00. */
async function scheduledAlerts(n: number, kvStore: Kv = kv, prefs = {}) {
  const scene = await createScene(testDb.db, { prefs });
  const clock = fixedClock(TUE_2100);
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const { evento } = await createLeadEvento(scene, { score: 80, at: clock.now(), nome: `Noturno ${i}` });
    ids.push(...(await processEvento({ db: testDb.db, kv: kvStore, now: clock.now }, evento.id)).mensagemIds);
  }
  return { scene, clock, ids, deps: { db: testDb.db, kv: kvStore, now: clock.now } };
}

const statuses = async (scene: Scene) =>
  (await listMensagens(scene.db, scene.agency.id, { corretorId: scene.corretor.id })).map((m) => m.status).sort();

describe("release of scheduled alerts", () => {
  it("takes the quota when the row comes due, not before; then the sender may claim it", async () => {
    const { scene, clock, ids, deps } = await scheduledAlerts(1);
    expect(await releaseScheduled(deps)).toEqual({ liberadas: [], retidas: [], adiadas: [] }); // not due yet
    clock.set(WED_0800);
    expect(await releaseScheduled(deps)).toEqual({ liberadas: ids, retidas: [], adiadas: [] });
    const row = await getMensagemById(testDb.db, ids[0]!);
    expect(row).toMatchObject({ status: "pendente", scheduledFor: WED_0800 });
    expect(await kv.get(kvKeys.mensagensDia(scene.corretor.id, WED_0800).key)).toBe("1");
    expect(await takeQuotaForScheduled(deps, ids[0]!)).toBe("nao_se_aplica"); // released once only
    expect(await claimMensagem(testDb.db, ids[0]!, WED_0800)).not.toBeNull();
  });

  it("beyond the daily limit the rest is held (`retida_cota`) and told in the next digest", async () => {
    const { scene, clock, deps } = await scheduledAlerts(7);
    clock.set(WED_0800);
    const released = await releaseScheduled(deps);
    expect(released.liberadas).toHaveLength(5);
    expect(released.retidas).toHaveLength(2);
    expect(await statuses(scene)).toEqual([...Array(5).fill("pendente"), "retida_cota", "retida_cota"]);
    clock.set("2026-11-26T11:00:00Z");
    const { mensagemIds } = await flushAgrupamentos(deps, { corretorId: scene.corretor.id });
    const digest = await getMensagemById(testDb.db, mensagemIds[0]!);
    expect(digest?.eventoIds).toHaveLength(2);
  });

  it("a broker who paused meanwhile gets the alert after the pause", async () => {
    const { scene, clock, ids, deps } = await scheduledAlerts(1);
    await updatePreferencias(testDb.db, scene.agency.id, scene.corretor.id, { pausadoAte: "2026-11-25T15:00:00.000Z" });
    clock.set(WED_0800);
    expect((await releaseScheduled(deps)).adiadas).toEqual(ids);
    expect(await getMensagemById(testDb.db, ids[0]!)).toMatchObject({
      status: "agendada",
      scheduledFor: new Date("2026-11-25T15:00:00.000Z"),
    });
  });

  it("with KV down, counts the day's rows in Postgres (released rows count on their release day)", async () => {
    const down = throwingKv() as Kv;
    const { scene, clock, deps } = await scheduledAlerts(6, down, { limiteDiario: 4 });
    clock.set(WED_0800);
    const released = await releaseScheduled(deps);
    expect(released.liberadas).toHaveLength(4);
    expect(released.retidas).toHaveLength(2);
    expect(await statuses(scene)).toEqual([...Array(4).fill("pendente"), "retida_cota", "retida_cota"]);
  });
});
