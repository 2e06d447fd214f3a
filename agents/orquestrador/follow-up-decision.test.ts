import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorkedLead } from "@/agents/vigilante/follow-up/testing/follow-up-scene";
import { sweepFollowUps } from "@/agents/vigilante/follow-up/sweep-follow-ups";
import { listMensagens } from "@/lib/db/queries/mensagens";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { createKv } from "@/lib/kv";
import { kvKeys } from "@/lib/kv/keys";
import { processEvento } from "./process-evento";
import { createScene, fixedClock, type Scene } from "./testing/orquestrador-fixture";

let testDb: TestDb;
beforeAll(async () => void (testDb = await createTestDb()));
afterAll(async () => void (await testDb?.cleanup()));

const local = (dia: string, hora: string) => new Date(`${dia}T${hora}:00-03:00`);
/** Last touched on Tue 24/11 at 15:00 local: the 3-day step is due on Fri 27/11. */
const ULTIMA = local("2026-11-24", "15:00");

async function followUpAt(scene: Scene, score: number, at: Date) {
  const kv = createKv({ driver: "memory" });
  const clock = fixedClock(at);
  const lead = await createWorkedLead(scene, { status: "em_contato", ultimaInteracao: ULTIMA, score });
  const criados = (await sweepFollowUps({ db: scene.db, kv, now: clock.now })).filter((e) => e.leadId === lead.id);
  expect(criados).toHaveLength(1);
  const result = await processEvento({ db: scene.db, kv, now: clock.now }, criados[0]!.eventoId);
  const mensagens = await listMensagens(scene.db, scene.agency.id, { corretorId: scene.corretor.id, limit: 50 });
  return { lead, result, kv, mensagens: mensagens.filter((m) => m.leadId === lead.id) };
}

describe("a follow-up come due, as the Orquestrador decides it", () => {
  it("hot lead on duty: one follow_up alert now, with the next step and one quota slot", async () => {
    const scene = await createScene(testDb.db);
    const at = local("2026-11-27", "10:00");
    const { lead, result, kv, mensagens } = await followUpAt(scene, 85, at);
    expect(result).toMatchObject({ decisao: "agora", cota: "liberada" });
    expect(mensagens).toHaveLength(1);
    const [msg] = mensagens;
    expect(msg).toMatchObject({ tipo: "follow_up", status: "pendente" });
    expect(msg!.idempotencyKey).toBe(`follow_up:${msg!.eventoId}:${scene.corretor.id}`);
    expect(msg!.corpo.split("\n").slice(0, 3)).toEqual([
      "🔔 *Follow-up: Maria Souza*",
      "Sem interação há 3 dias (desde 24/11) · Em contato · score 85",
      "Imóvel: Apartamento 2 quartos em Pinheiros (AP0142-LST) – Pinheiros",
    ]);
    expect(msg!.corpo).toContain("Próximo passo: Retome a conversa");
    expect(msg!.botoes.map((b) => b.id)).toEqual([`passar:${lead.id}`, `lembrar:${lead.id}`]);
    expect(await kv.get(kvKeys.mensagensDia(scene.corretor.id, at).key)).toBe("1");
  });

  it("hot lead off hours: scheduled for the shift start (quiet hours apply)", async () => {
    const scene = await createScene(testDb.db);
    const { result, mensagens } = await followUpAt(scene, 85, local("2026-11-27", "00:05"));
    expect(result.decisao).toBe("agendar");
    expect(mensagens).toMatchObject([
      { tipo: "follow_up", status: "agendada", scheduledFor: local("2026-11-27", "08:00") },
    ]);
  });

  it("hot lead past the daily quota: held (retida_cota), as any alert", async () => {
    const scene = await createScene(testDb.db, { prefs: { limiteDiario: 1 } });
    const at = local("2026-11-27", "10:00");
    const first = await followUpAt(scene, 90, at);
    expect(first.mensagens[0]).toMatchObject({ status: "pendente" });
    const kv = first.kv;
    const lead = await createWorkedLead(scene, { status: "em_contato", ultimaInteracao: ULTIMA, score: 90 });
    await kv.del(kvKeys.followUpVarrido(scene.agency.id, "2026-11-27").key);
    const [evento] = (await sweepFollowUps({ db: scene.db, kv, now: () => at })).filter((e) => e.leadId === lead.id);
    const result = await processEvento({ db: scene.db, kv, now: () => at }, evento!.eventoId);
    expect(result).toMatchObject({ decisao: "agora", cota: "retida" });
  });

  it("warm lead: summary only, no message", async () => {
    const scene = await createScene(testDb.db);
    const { result, mensagens } = await followUpAt(scene, 55, local("2026-11-27", "10:00"));
    expect(result).toMatchObject({ decisao: "so_resumo", mensagemIds: [] });
    expect(mensagens).toEqual([]);
  });
});
