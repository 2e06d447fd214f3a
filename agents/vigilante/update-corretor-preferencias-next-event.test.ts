// "A change takes effect for the next event": the Orquestrador reads the broker row fresh from
// Postgres for every event (the `corretor:{id}` KV read-through cache was removed, see lib/kv/keys.ts),
// so a manager's change in the dashboard decides the very next lead, with nothing to invalidate.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { processEvento } from "@/agents/orquestrador/process-evento";
import {
  createDefaultKv,
  createLeadEvento,
  createScene,
  fixedClock,
  TUE_1000,
} from "@/agents/orquestrador/testing/orquestrador-fixture";
import { listMensagens } from "@/lib/db/queries/mensagens";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { updateCorretorPreferencias } from "./update-corretor-preferencias";

let testDb: TestDb;
const kv = createDefaultKv();
beforeAll(async () => void (testDb = await createTestDb()));
afterAll(async () => {
  await kv.close();
  await testDb?.cleanup();
});

const formPadrao = (corretorId: string) => ({
  corretorId,
  inicio: "08:00",
  fim: "20:00",
  dias: [1, 2, 3, 4, 5, 6],
  janelaMinutos: 30,
  tamanhoMaximo: 5,
  silencio: "respeitar" as const,
});

describe("a broker's settings changed in the dashboard decide the next event (no broker cache to invalidate)", () => {
  it("daily limit set to 1 by a manager: of two hot leads, one alert goes and one is held by the quota", async () => {
    const scene = await createScene(testDb.db);
    const gestor = { scope: { imobiliariaId: scene.agency.id, corretorId: null }, usuarioId: "usr_gestor" };
    const clock = fixedClock();
    const r = await updateCorretorPreferencias(
      testDb.db,
      gestor,
      { ...formPadrao(scene.corretor.id), limiteDiario: 1 },
      clock.now(),
    );
    expect(r.kind).toBe("feito");

    const a = await createLeadEvento(scene, { score: 90, at: TUE_1000, nome: "Lead A" });
    const b = await createLeadEvento(scene, { score: 90, at: TUE_1000, nome: "Lead B" });
    await processEvento({ db: testDb.db, kv, now: clock.now }, a.evento.id);
    await processEvento({ db: testDb.db, kv, now: clock.now }, b.evento.id);

    const mensagens = await listMensagens(testDb.db, scene.agency.id, { corretorId: scene.corretor.id, limit: 10 });
    expect(mensagens.map((m) => [m.leadId, m.status]).sort()).toEqual(
      [
        [a.lead.id, "pendente"],
        [b.lead.id, "retida_cota"],
      ].sort(),
    );
  });

  it("a broker's own pause for 1 day: the next hot lead waits for the end of the pause", async () => {
    const scene = await createScene(testDb.db);
    const clock = fixedClock();
    const antes = await createLeadEvento(scene, { score: 90, at: TUE_1000, nome: "Antes" });
    expect((await processEvento({ db: testDb.db, kv, now: clock.now }, antes.evento.id)).decisao).toBe("agora");

    const corretor = { scope: { imobiliariaId: scene.agency.id, corretorId: scene.corretor.id }, usuarioId: "usr_ana" };
    await updateCorretorPreferencias(
      testDb.db,
      corretor,
      { ...formPadrao(scene.corretor.id), pausa: "1d" },
      clock.now(),
    );

    const depois = await createLeadEvento(scene, { score: 90, at: TUE_1000, nome: "Depois" });
    expect((await processEvento({ db: testDb.db, kv, now: clock.now }, depois.evento.id)).decisao).toBe("agendar");
  });
});
