import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { updatePreferencias } from "@/lib/db/queries/corretores";
import { getEventoForPipeline } from "@/lib/db/queries/eventos";
import { listMensagens } from "@/lib/db/queries/mensagens";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { kvKeys } from "@/lib/kv/keys";
import type { Kv } from "@/lib/kv/types";
import { processEvento } from "./process-evento";
import {
  createDefaultKv,
  createLeadEvento,
  createScene,
  fixedClock,
  kvTargets,
  throwingKv,
  TUE_1000,
  type Scene,
} from "./testing/orquestrador-fixture";

let testDb: TestDb;
const defaultKv = createDefaultKv();
beforeAll(async () => void (testDb = await createTestDb()));
afterAll(async () => {
  await defaultKv.close();
  await testDb?.cleanup();
});

const rows = (scene: Scene) => listMensagens(scene.db, scene.agency.id, { corretorId: scene.corretor.id, limit: 500 });
const counter = (kv: Kv, scene: Scene, at: Date = TUE_1000) => kv.get(kvKeys.mensagensDia(scene.corretor.id, at).key);

describe("processEvento", () => {
  it("hot lead → exactly one pending alert, the event processed with its decision, one quota slot", async () => {
    const scene = await createScene(testDb.db);
    const { evento, lead } = await createLeadEvento(scene, { score: 82, at: TUE_1000 });
    const clock = fixedClock();
    const result = await processEvento({ db: testDb.db, kv: defaultKv, now: clock.now }, evento.id);

    expect(result).toMatchObject({ decisao: "agora", cota: "liberada" });
    const [msg, ...others] = await rows(scene);
    expect(others).toHaveLength(0);
    expect(msg).toMatchObject({
      id: result.mensagemIds[0],
      tipo: "alerta",
      status: "pendente",
      destino: "+5511970000001",
      leadId: lead.id,
      eventoId: evento.id,
      eventoIds: [evento.id],
      idempotencyKey: `alerta:${evento.id}:${scene.corretor.id}`,
      scheduledFor: null,
    });
    expect(msg!.corpo.split("\n")[0]).toBe("🔥 *Novo lead: Maria Souza*");
    expect(msg!.corpo).toContain('Pediu: "Quero agendar uma visita"');
    expect(msg!.corpo).not.toContain("maria@example.com");
    expect(msg!.botoes.map((b) => b.id)).toEqual([`ja_contatei:${lead.id}`, `passar:${lead.id}`, `lembrar:${lead.id}`]);
    const saved = await getEventoForPipeline(testDb.db, evento.id);
    expect(saved!.processado).toBe(true);
    expect(saved!.metadata?.decisao).toMatchObject({
      acao: "agora",
      cota: "liberada",
      mensagemIds: result.mensagemIds,
    });
    expect(await counter(defaultKv, scene)).toBe("1");
  });

  it("is idempotent: a second run returns the same ids and changes nothing", async () => {
    const scene = await createScene(testDb.db);
    const { evento } = await createLeadEvento(scene, { score: 90, at: TUE_1000 });
    const deps = { db: testDb.db, kv: defaultKv, now: fixedClock().now };
    const { mensagens, ...first } = await processEvento(deps, evento.id);
    expect(mensagens?.map((m) => m.id)).toEqual(first.mensagemIds); // the rows this run wrote
    const again = await Promise.all([processEvento(deps, evento.id), processEvento(deps, evento.id)]);
    expect(again).toEqual([first, first]);
    expect(await rows(scene)).toHaveLength(1);
    expect(await counter(defaultKv, scene)).toBe("1");
  });

  it("quiet hours → `agendada` for the next shift start in UTC, no quota spent yet", async () => {
    const scene = await createScene(testDb.db);
    const at = new Date("2026-11-24T23:01:00Z"); // Tuesday 20:01 local
    const { evento } = await createLeadEvento(scene, { score: 75, at });
    const result = await processEvento({ db: testDb.db, kv: defaultKv, now: () => at }, evento.id);
    expect(result.decisao).toBe("agendar");
    const [msg] = await rows(scene);
    expect(msg).toMatchObject({ status: "agendada", scheduledFor: new Date("2026-11-25T11:00:00.000Z") });
    expect(msg!.corpo).toContain("Chegou às 20h01 de 24/11.");
    const saved = await getEventoForPipeline(testDb.db, evento.id);
    expect(saved!.metadata?.decisao).toMatchObject({
      acao: "agendar",
      motivo: "fora_do_expediente",
      quando: "2026-11-25T11:00:00.000Z",
    });
    expect(await counter(defaultKv, scene, at)).toBeNull();
  });

  it("paused broker → held (`agendada`) until the pause ends", async () => {
    const scene = await createScene(testDb.db, { prefs: { pausadoAte: "2026-11-24T16:30:00.000Z" } });
    const { evento } = await createLeadEvento(scene, { score: 95, tipo: "visita_solicitada", at: TUE_1000 });
    const result = await processEvento({ db: testDb.db, kv: defaultKv, now: fixedClock().now }, evento.id);
    expect(result.decisao).toBe("agendar");
    const [msg] = await rows(scene);
    expect(msg).toMatchObject({ status: "agendada", scheduledFor: new Date("2026-11-24T16:30:00.000Z") });
    expect(msg!.corpo.split("\n")[0]).toBe("📅 *Maria Souza quer visitar*");
  });

  it("cold lead → so_resumo; inactive broker → sem_corretor; neither writes a message", async () => {
    const scene = await createScene(testDb.db);
    const { evento } = await createLeadEvento(scene, { score: 20, at: TUE_1000 });
    expect(await processEvento({ db: testDb.db, kv: defaultKv, now: fixedClock().now }, evento.id)).toEqual({
      mensagemIds: [],
      decisao: "so_resumo",
    });
    const inactive = await createScene(testDb.db, { ativo: false });
    const other = await createLeadEvento(inactive, { score: 99, at: TUE_1000 });
    expect(
      (await processEvento({ db: testDb.db, kv: defaultKv, now: fixedClock().now }, other.evento.id)).decisao,
    ).toBe("sem_corretor");
    expect(await rows(scene)).toHaveLength(0);
    expect(await rows(inactive)).toHaveLength(0);
    expect((await getEventoForPipeline(testDb.db, evento.id))!.processado).toBe(true);
  });

  it("gives the quota slot back when the transaction fails after taking it", async () => {
    const scene = await createScene(testDb.db);
    const { evento } = await createLeadEvento(scene, { score: 88, at: TUE_1000 });
    const broken = { novoLead: () => ({ corpo: "", botoes: [], templateVariaveis: {} }) } as never; // rejected by the row's schema
    await expect(
      processEvento({ db: testDb.db, kv: defaultKv, now: fixedClock().now, writer: broken }, evento.id),
    ).rejects.toThrow();
    expect(await counter(defaultKv, scene)).toBe("0");
    expect((await getEventoForPipeline(testDb.db, evento.id))!.processado).toBe(false);
    await processEvento({ db: testDb.db, kv: defaultKv, now: fixedClock().now }, evento.id);
    expect(await counter(defaultKv, scene)).toBe("1");
  });

  it("respects a broker's own daily limit", async () => {
    const scene = await createScene(testDb.db);
    await updatePreferencias(testDb.db, scene.agency.id, scene.corretor.id, { limiteDiario: 2 });
    const events = [];
    for (let i = 0; i < 3; i++) events.push((await createLeadEvento(scene, { score: 80, at: TUE_1000 })).evento);
    for (const e of events) await processEvento({ db: testDb.db, kv: defaultKv, now: fixedClock().now }, e.id);
    expect((await rows(scene)).map((m) => m.status).sort()).toEqual(["pendente", "pendente", "retida_cota"]);
  });
});

describe("quota under concurrency: 50 hot events for ONE broker → exactly 5 sent, 45 held", () => {
  const targets = [
    ...kvTargets,
    { name: "KV down (every call throws → Postgres count)", create: () => throwingKv() as Kv, skipReason: undefined },
  ];
  for (const target of targets) {
    const run = target.skipReason ? it.skip : it;
    run(`${target.name}${target.skipReason ? ` — pulado: ${target.skipReason}` : ""}`, async () => {
      const kv = target.create();
      try {
        const scene = await createScene(testDb.db);
        const events = [];
        for (let i = 0; i < 50; i++)
          events.push((await createLeadEvento(scene, { score: 85, at: TUE_1000, nome: `Lead ${i}` })).evento);
        const results = await Promise.all(
          events.map((e) => processEvento({ db: testDb.db, kv, now: fixedClock().now }, e.id)),
        );

        const all = await rows(scene);
        expect(all).toHaveLength(50);
        expect(all.filter((m) => m.status === "pendente")).toHaveLength(5);
        expect(all.filter((m) => m.status === "retida_cota")).toHaveLength(45);
        expect(results.filter((r) => r.cota === "liberada")).toHaveLength(5);
        if (target.name !== "KV down (every call throws → Postgres count)") expect(await counter(kv, scene)).toBe("5");
        else expect((kv as ReturnType<typeof throwingKv>).calls).toBeGreaterThanOrEqual(50);
      } finally {
        await kv.close().catch(() => undefined);
      }
    });
  }
});
