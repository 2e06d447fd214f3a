// The first-response SLA chain against a real database (PGlite, or Postgres with DATABASE_URL), with
// the clock moved by hand: each step at its local time, once, whatever the number of sweeps.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { fixedClock } from "@/agents/orquestrador/testing/orquestrador-fixture";
import { createDefaultKv } from "@/agents/orquestrador/testing/orquestrador-fixture";
import { insertInteracao } from "@/lib/db/queries/interacoes";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { eventos, leads } from "@/lib/db/schema";
import { createSlaScene, fakeLinks, slaLead, slaTrail } from "./testing/sla-scene";
import { sweepSla } from "./sweep-sla";

let t: TestDb;
const kv = createDefaultKv();
const sp = (local: string) => new Date(`${local}-03:00`);

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t?.cleanup());

function sweeper(start: Date) {
  const clock = fixedClock(start);
  const run = (local?: string) => {
    if (local) clock.set(sp(local));
    return sweepSla({ db: t.db, kv, now: clock.now, links: fakeLinks });
  };
  return { clock, run };
}

describe("the first-response SLA chain", () => {
  it("a lead at 19:55 with hours ending 20:00 is due at 08:10 the next day: reminder, then managers, then nothing more", async () => {
    const scene = await createSlaScene(t.db);
    const lead = await slaLead(scene, sp("2026-11-24T19:55:00"));
    const { run } = sweeper(sp("2026-11-24T19:55:00"));

    await run("2026-11-24T19:56:00");
    await run("2026-11-25T08:09:00");
    let trail = await slaTrail(t.db, lead.id);
    expect(trail.eventos).toHaveLength(0);
    // The sweep noted when to look again, so the passes before it skip the lead in the index.
    expect(trail.lead.slaProximaEm).toEqual(sp("2026-11-25T08:10:00"));

    await run("2026-11-25T08:10:00");
    trail = await slaTrail(t.db, lead.id);
    expect(trail.etapas).toEqual([1]);
    expect(trail.eventos[0]!.titulo).toBe("Prazo de resposta estourado: Maria Souza");
    expect(trail.eventos[0]!.descricao).toContain("prazo venceu em 25/11/2026 08:10");
    expect(trail.eventos[0]!.processado).toBe(true);
    const lembrete = trail.mensagens.find((m) => m.tipo === "lembrete")!;
    expect(lembrete).toMatchObject({ corretorId: scene.corretor.id, destino: "+5511970000001", status: "pendente" });
    expect(lembrete.corpo).toContain("Prazo de resposta vencido: Maria Souza");
    expect(lembrete.corpo).toContain("Chegou às 19h55 de 24/11");
    expect(lembrete.botoes.map((b) => b.titulo)).toContain("Já contatei");

    await run("2026-11-25T08:24:00");
    expect((await slaTrail(t.db, lead.id)).etapas).toEqual([1]);
    await run("2026-11-25T08:25:00");
    trail = await slaTrail(t.db, lead.id);
    expect(trail.etapas).toEqual([1, 2]);
    const alertas = trail.mensagens.filter((m) => m.tipo === "alerta_gestao");
    // Only the manager who gave a WhatsApp number.
    expect(alertas.map((m) => [m.usuarioId, m.corretorId, m.destino])).toEqual([
      [scene.gestorIds[0], null, "+5511911110001"],
    ]);
    expect(alertas[0]!.corpo).toContain("Lead sem resposta: Maria Souza");
    expect(alertas[0]!.corpo).toContain("Ana Lima recebeu o lead às 19h55 de 24/11");
    expect(alertas[0]!.corpo).toContain(`https://lastro.test/r/lead.${lead.id}.${scene.corretor.id}`);
    expect(trail.eventos[1]!.descricao).toContain("1 gestor avisado pelo WhatsApp");

    // Re-routing is off by default: the third window passes with no step and the chain ends.
    await run("2026-11-25T08:40:00");
    await run("2026-11-26T12:00:00");
    trail = await slaTrail(t.db, lead.id);
    expect(trail.etapas).toEqual([1, 2]);
    expect(trail.lead).toMatchObject({ slaEtapa: 3, corretorId: scene.corretor.id });
  });

  it("skips the weekend: a lead on Saturday at 19:55 is due on Monday at 08:10", async () => {
    const scene = await createSlaScene(t.db);
    const lead = await slaLead(scene, sp("2026-11-28T19:55:00"));
    const { run } = sweeper(sp("2026-11-28T19:55:00"));
    await run("2026-11-28T20:30:00");
    await run("2026-11-29T12:00:00");
    await run("2026-11-30T08:09:00");
    expect((await slaTrail(t.db, lead.id)).etapas).toEqual([]);
    await run("2026-11-30T08:10:00");
    expect((await slaTrail(t.db, lead.id)).etapas).toEqual([1]);
  });

  it("a paused broker's clock keeps running: at the deadline no reminder, the managers are alerted at once", async () => {
    const scene = await createSlaScene(t.db, { prefs: { pausadoAte: "2026-12-31T00:00:00Z" } });
    const lead = await slaLead(scene, sp("2026-11-24T10:00:00"));
    const { run } = sweeper(sp("2026-11-24T10:00:00"));
    await run("2026-11-24T10:14:00");
    expect((await slaTrail(t.db, lead.id)).etapas).toEqual([]);
    await run("2026-11-24T10:15:00");
    const trail = await slaTrail(t.db, lead.id);
    expect(trail.etapas).toEqual([1, 2]);
    expect(trail.eventos[0]!.descricao).toContain("O corretor está em pausa: sem lembrete");
    expect(trail.mensagens.map((m) => m.tipo)).toEqual(["alerta_gestao"]);
  });

  it("a first response before the deadline stops the chain", async () => {
    const scene = await createSlaScene(t.db);
    const lead = await slaLead(scene, sp("2026-11-24T10:00:00"));
    const { run } = sweeper(sp("2026-11-24T10:00:00"));
    await run("2026-11-24T10:01:00");
    await insertInteracao(t.db, {
      leadId: lead.id,
      tipo: "contato_corretor",
      data: sp("2026-11-24T10:10:00"),
      conteudo: "Já contatei",
    });
    await run("2026-11-24T10:15:00");
    await run("2026-11-24T11:00:00");
    expect((await slaTrail(t.db, lead.id)).eventos).toHaveLength(0);
  });

  it("closes or lost leads stop it too", async () => {
    const scene = await createSlaScene(t.db);
    const lead = await slaLead(scene, sp("2026-11-24T10:00:00"));
    await t.db.update(leads).set({ status: "perdido" }).where(eq(leads.id, lead.id));
    const { run } = sweeper(sp("2026-11-24T11:00:00"));
    await run();
    expect((await slaTrail(t.db, lead.id)).eventos).toHaveLength(0);
  });

  it("takes each step once when two sweeps run at the same time", async () => {
    const scene = await createSlaScene(t.db, { config: { slaRedistribuir: true }, outroCorretor: true });
    const lead = await slaLead(scene, sp("2026-11-24T10:00:00"));
    const { clock, run } = sweeper(sp("2026-11-24T10:00:00"));
    for (const at of ["2026-11-24T10:15:00", "2026-11-24T10:30:00", "2026-11-24T10:45:00"]) {
      clock.set(sp(at));
      await Promise.all([run(), run(), run()]);
    }
    const trail = await slaTrail(t.db, lead.id);
    expect(trail.etapas).toEqual([1, 2, 3]);
    const keys = trail.mensagens.map((m) => m.idempotencyKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(trail.mensagens.filter((m) => m.tipo === "alerta_gestao")).toHaveLength(1);
    expect(trail.mensagens.filter((m) => m.tipo === "aviso")).toHaveLength(1);
  });

  it("re-routes by the roleta after the third window when the agency enabled it: both brokers told, the old one's pending messages cancelled", async () => {
    const scene = await createSlaScene(t.db, { config: { slaRedistribuir: true }, outroCorretor: true });
    const lead = await slaLead(scene, sp("2026-11-24T10:00:00"));
    const { run } = sweeper(sp("2026-11-24T10:00:00"));
    await run("2026-11-24T10:15:00");
    await run("2026-11-24T10:30:00");
    const gestao = (await slaTrail(t.db, lead.id)).mensagens.find((m) => m.tipo === "alerta_gestao")!;
    expect(gestao.corpo).toContain("Sem resposta até 10h45 de 24/11, a roleta passa o lead para outro corretor.");
    await run("2026-11-24T10:45:00");

    const trail = await slaTrail(t.db, lead.id);
    expect(trail.etapas).toEqual([1, 2, 3]);
    expect(trail.eventos[2]!.titulo).toBe("Lead redistribuído: Maria Souza");
    expect(trail.eventos[2]!.descricao).toContain("a roleta passou o lead para Bruno Reis");
    const bruno = trail.lead.corretorId!;
    expect(bruno).not.toBe(scene.corretor.id);
    // The new broker's own clock starts now, and the hand-over is nobody's first response.
    expect(trail.lead).toMatchObject({ slaEtapa: 0, slaDesde: sp("2026-11-24T10:45:00"), primeiraRespostaEm: null });
    // The old broker's unsent reminder is cancelled with the reason; the notice to them stays.
    const lembrete = trail.mensagens.find((m) => m.tipo === "lembrete")!;
    expect(lembrete.status).toBe("cancelada");
    const aviso = trail.mensagens.find((m) => m.tipo === "aviso")!;
    expect(aviso).toMatchObject({ corretorId: scene.corretor.id, status: "pendente" });
    expect(aviso.corpo).toContain("a roleta o passou para Bruno Reis");
    // The new broker is told like for a new lead: an event the Orquestrador decides.
    const novos = await t.db.select().from(eventos).where(eq(eventos.corretorId, bruno));
    expect(novos).toHaveLength(1);
    expect(novos[0]).toMatchObject({ leadId: lead.id, processado: false, tipo: "novo_lead" });

    // Bruno's chain: his first deadline is 15 working minutes after he got it.
    await run("2026-11-24T10:59:00");
    expect((await slaTrail(t.db, lead.id)).etapas).toEqual([1, 2, 3]);
    await run("2026-11-24T11:00:00");
    const depois = await slaTrail(t.db, lead.id);
    expect(depois.etapas).toEqual([1, 2, 3, 1]);
    expect(depois.eventos[3]!.corretorId).toBe(bruno);
  });

  it("with nobody else in the roleta, the third step records why and the lead stays", async () => {
    const scene = await createSlaScene(t.db, { config: { slaRedistribuir: true } });
    const lead = await slaLead(scene, sp("2026-11-24T10:00:00"));
    const { run } = sweeper(sp("2026-11-24T10:00:00"));
    await run("2026-11-24T10:15:00");
    await run("2026-11-24T10:30:00");
    await run("2026-11-24T10:45:00");
    const trail = await slaTrail(t.db, lead.id);
    expect(trail.etapas).toEqual([1, 2, 3]);
    expect(trail.eventos[2]!.titulo).toBe("Sem corretor para redistribuir: Maria Souza");
    expect(trail.lead).toMatchObject({ corretorId: scene.corretor.id, slaEtapa: 3 });
  });

  it("managers without WhatsApp: no message, the event still recorded with the reason", async () => {
    const scene = await createSlaScene(t.db, { gestores: [null, null] });
    const lead = await slaLead(scene, sp("2026-11-24T10:00:00"));
    const { run } = sweeper(sp("2026-11-24T10:00:00"));
    await run("2026-11-24T10:15:00");
    await run("2026-11-24T10:30:00");
    const trail = await slaTrail(t.db, lead.id);
    expect(trail.etapas).toEqual([1, 2]);
    expect(trail.eventos[1]!.descricao).toContain("Nenhum admin ou gestor tem WhatsApp cadastrado");
    expect(trail.mensagens.map((m) => m.tipo)).toEqual(["lembrete"]);
  });

  it("leaves a test lead and a stale backlog alone", async () => {
    const scene = await createSlaScene(t.db);
    const teste = await slaLead(scene, sp("2026-11-24T10:00:00"), "Lead de teste");
    await t.db
      .update(leads)
      .set({ metadata: { teste: true } })
      .where(eq(leads.id, teste.id));
    const velho = await slaLead(scene, sp("2026-11-20T10:00:00"), "Lead antigo");
    const { run } = sweeper(sp("2026-11-24T10:30:00"));
    await run();
    expect((await slaTrail(t.db, teste.id)).eventos).toHaveLength(0);
    expect((await slaTrail(t.db, velho.id)).lead.slaEtapa).toBe(3);
    expect((await slaTrail(t.db, velho.id)).eventos).toHaveLength(0);
  });
});
