// A manager's "Reatribuir" on a lead still waiting for its first response, against a real database
// (PGlite, or Postgres with DATABASE_URL) with the clock moved by hand: the new broker's SLA clock
// starts at the hand-over, the old broker's pending reminder is cancelled and nothing more reaches
// them, and the timeline says who moved it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, ne } from "drizzle-orm";
import { captureDispatch } from "@/agents/conselheiro/inbound/testing/twilio-inbound";
import { createDefaultKv, fixedClock } from "@/agents/orquestrador/testing/orquestrador-fixture";
import { listEventosByLead } from "@/lib/db/queries/eventos";
import { listInteracoesDoLead } from "@/lib/db/queries/interacoes";
import { corretores, mensagens } from "@/lib/db/schema";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { reassignLeadFromPainel } from "../reassign-lead";
import { createSlaScene, fakeLinks, slaLead, slaTrail } from "./testing/sla-scene";
import { sweepSla } from "./sweep-sla";

let t: TestDb;
const kv = createDefaultKv();
const sp = (local: string) => new Date(`${local}-03:00`);

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t?.cleanup());

describe("reassigning a lead with no first response", () => {
  it("starts the new broker's SLA clock at the hand-over; the old broker's reminder is cancelled and nothing more reaches them", async () => {
    const scene = await createSlaScene(t.db, { outroCorretor: true });
    const ana = scene.corretor.id;
    const [bruno] = await t.db
      .select()
      .from(corretores)
      .where(and(eq(corretores.imobiliariaId, scene.agency.id), ne(corretores.id, ana)));
    const lead = await slaLead(scene, sp("2026-11-24T10:00:00"));
    const clock = fixedClock(sp("2026-11-24T10:00:00"));
    const run = (local: string) => {
      clock.set(sp(local));
      return sweepSla({ db: t.db, kv, now: clock.now, links: fakeLinks });
    };

    // Ana's deadline passes: step 1, her reminder is queued.
    await run("2026-11-24T10:15:00");
    expect((await slaTrail(t.db, lead.id)).etapas).toEqual([1]);

    // At 10:20 the manager gives the lead to Bruno from the lead page.
    clock.set(sp("2026-11-24T10:20:00"));
    const recorder = captureDispatch();
    const result = await reassignLeadFromPainel(
      { db: t.db, kv, dispatch: recorder.dispatch, now: clock.now },
      {
        scope: { imobiliariaId: scene.agency.id, corretorId: null },
        usuarioId: scene.gestorIds[0]!,
        nome: "Gestora 0",
      },
      { leadId: lead.id, paraCorretorId: bruno!.id },
    );
    expect(result.kind).toBe("feito");

    let trail = await slaTrail(t.db, lead.id);
    // The chain starts again as for a new lead, on Bruno's clock.
    expect(trail.lead).toMatchObject({
      corretorId: bruno!.id,
      slaEtapa: 0,
      slaDesde: sp("2026-11-24T10:20:00"),
      slaProximaEm: null,
      primeiraRespostaEm: null,
    });
    const lembreteAna = trail.mensagens.find((m) => m.tipo === "lembrete" && m.corretorId === ana)!;
    expect(lembreteAna.status).toBe("cancelada");
    // The timeline: who moved it, and Bruno's event to be alerted like for a new lead.
    const nota = (await listInteracoesDoLead(t.db, lead.id)).find((i) => i.metadata?.via === "painel")!;
    expect(nota.conteudo).toBe("Gestora 0 passou o lead de Ana Lima para Bruno Reis pelo painel.");
    const repasse = (await listEventosByLead(t.db, scene.agency.id, lead.id)).find(
      (e) => e.corretorId === bruno!.id && e.tipo === "novo_lead",
    )!;
    expect(repasse.titulo).toBe("Lead repassado: Maria Souza");

    // Ana's managers' alert would have been at 10:30: it never comes, and Bruno's deadline is 10:35.
    await run("2026-11-24T10:30:00");
    await run("2026-11-24T10:34:00");
    expect((await slaTrail(t.db, lead.id)).etapas).toEqual([1]);
    await run("2026-11-24T10:35:00");
    await run("2026-11-24T10:35:30");
    trail = await slaTrail(t.db, lead.id);
    expect(trail.etapas).toEqual([1, 1]);
    expect(trail.eventos[1]!.corretorId).toBe(bruno!.id);
    const lembretes = trail.mensagens.filter((m) => m.tipo === "lembrete");
    expect(lembretes.map((m) => [m.corretorId, m.status])).toEqual([
      [ana, "cancelada"],
      [bruno!.id, "pendente"],
    ]);
    expect(lembretes[1]!.destino).toBe("+5511970000002");
    expect(trail.mensagens.filter((m) => m.tipo === "alerta_gestao")).toHaveLength(0);

    // Nothing reaches Ana about this lead after the hand-over, whatever the clock does.
    await run("2026-11-24T12:00:00");
    const paraAna = await t.db
      .select()
      .from(mensagens)
      .where(and(eq(mensagens.leadId, lead.id), eq(mensagens.corretorId, ana)));
    expect(paraAna.map((m) => [m.tipo, m.status])).toEqual([["lembrete", "cancelada"]]);
  });
});
