// Real database (PGlite, or Postgres with DATABASE_URL); the clock is the test's, nothing is sent.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sp } from "@/agents/analista/testing/summary-scene";
import { insertImobiliaria } from "@/lib/db/queries/imobiliarias";
import { upsertIntegracao } from "@/lib/db/queries/integracoes";
import { listIncidentesAbertos } from "@/lib/db/queries/portal-silencioso";
import { insertUsuario } from "@/lib/db/queries/usuarios";
import { entregasWebhook, eventos, leads, mensagens, usuarios, type Portal } from "@/lib/db/schema";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { newId } from "@/lib/ids";
import { loadIntegracoes } from "@/lib/painel/load-integracoes";
import { watchPortais } from "./watch-portais";

const HASH = "$2a$04$" + "a".repeat(53);
let t: TestDb;
let imobiliariaId: string;
const ids: Record<string, string> = {};

async function entrega(portal: Portal, at: Date, teste = false) {
  let leadId: string | null = null;
  if (teste) {
    leadId = newId("lead", at.getTime());
    await t.db.insert(leads).values({
      id: leadId,
      imobiliariaId,
      nome: "Lead de teste",
      telefone: "",
      email: `${leadId.toLowerCase()}@teste.lastro.invalid`,
      dataPrimeiroContato: at,
      metadata: { teste: true },
    });
  }
  await t.db.insert(entregasWebhook).values({
    id: newId("ent", at.getTime()),
    imobiliariaId,
    portal,
    externalId: `${portal}-${at.getTime()}`,
    recebidoEm: at,
    resultado: "aceita",
    statusHttp: 201,
    leadId,
  });
}

const sweepAt = (iso: string) => watchPortais({ db: t.db, now: () => sp(iso) });
const portalMessages = () =>
  t.db
    .select()
    .from(mensagens)
    .where(and(eq(mensagens.imobiliariaId, imobiliariaId), eq(mensagens.tipo, "alerta_portal")))
    .orderBy(mensagens.criadoEm);
const incidentes = () =>
  t.db
    .select()
    .from(eventos)
    .where(and(eq(eventos.imobiliariaId, imobiliariaId), eq(eventos.tipo, "portal_silencioso")));

beforeAll(async () => {
  t = await createTestDb();
  imobiliariaId = (await insertImobiliaria(t.db, { slug: "portal-calado", nome: "Calada" })).id;
  for (const [nome, papel, whatsapp] of [
    ["Ana Admin", "admin", "+5511911120001"],
    ["Gil Gestor", "gestor", "+5511911120002"],
  ] as const) {
    const u = await insertUsuario(t.db, {
      email: `${papel}@calada.example`,
      nome,
      senhaHash: HASH,
      papel,
      imobiliariaId,
    });
    await t.db.update(usuarios).set({ whatsapp }).where(eq(usuarios.id, u.id));
    ids[papel] = u.id;
  }
  await upsertIntegracao(t.db, { imobiliariaId, portal: "grupo-olx", segredo: "segredo-olx-123" });
  await upsertIntegracao(t.db, { imobiliariaId, portal: "imovelweb", segredo: "segredo-imw-123" });
  // Grupo OLX: every day from 01/03 to 14/03 at 09h, 13h and 18h (largest gap 15 h → limit 24 h).
  // Imovelweb: every other day, at 10h, the same fortnight (largest gap 48 h, but not every day).
  for (let d = 1; d <= 14; d++) {
    const dia = `2026-03-${String(d).padStart(2, "0")}`;
    for (const h of ["09:00", "13:00", "18:00"]) await entrega("grupo-olx", sp(`${dia}T${h}:00`));
    if (d % 2 === 1) await entrega("imovelweb", sp(`${dia}T10:00:00`));
  }
  // A test lead sent by an admin during the silence proves the route, not the portal.
  await entrega("grupo-olx", sp("2026-03-15T12:00:00"), true);
});
afterAll(async () => t?.cleanup());

describe("watchPortais (quiet portal)", () => {
  it("stays quiet before the portal's limit, even with a test lead in the silence", async () => {
    const r = await sweepAt("2026-03-15T17:59:00");
    expect(r.incidentes).toEqual([]);
    expect(await portalMessages()).toHaveLength(0);
  });

  it("past the limit: one incident and one WhatsApp per admin, however many sweeps run at once", async () => {
    const runs = await Promise.all([sweepAt("2026-03-15T18:01:00"), sweepAt("2026-03-15T18:01:00")]);
    expect(runs.flatMap((r) => r.incidentes)).toHaveLength(1);
    await sweepAt("2026-03-15T18:30:00");
    await sweepAt("2026-03-16T09:00:00");

    const evs = await incidentes();
    expect(evs).toHaveLength(1);
    expect(evs[0]!.titulo).toBe("Grupo OLX sem enviar leads desde 14/03 às 18h");
    expect(evs[0]!.metadata).toMatchObject({ portal: "grupo-olx", limiteHoras: 24, maiorIntervaloHoras: 15 });

    const msgs = await portalMessages();
    expect(msgs.map((m) => [m.usuarioId, m.destino])).toEqual([[ids.admin, "+5511911120001"]]);
    expect(msgs[0]!.eventoId).toBe(evs[0]!.id);
    expect(msgs[0]!.corpo).toContain("Grupo OLX parou de enviar leads");
    expect(msgs[0]!.corpo).toContain("A última entrega do Grupo OLX foi em 14/03 às 18h (há 1 dia)");
    expect((await listIncidentesAbertos(t.db, imobiliariaId)).get("grupo-olx")).toEqual(sp("2026-03-14T18:00:00"));
    // The integrations page's card says it ("Sem entregas desde …"); the other portal's does not.
    const cards = await loadIntegracoes(
      t.db,
      { id: imobiliariaId, slug: "portal-calado" },
      "https://lastro.example",
      sp("2026-03-16T09:00:00"),
    );
    expect(cards.map((c) => [c.portal, c.semEntregasDesde])).toEqual([
      ["grupo-olx", sp("2026-03-14T18:00:00")],
      ["imovelweb", null],
    ]);
  });

  it("never calls a portal that delivers only some days quiet", async () => {
    const evs = await incidentes();
    expect(evs.map((e) => (e.metadata as { portal: string }).portal)).toEqual(["grupo-olx"]);
  });

  it("a real delivery resolves the incident with one 'voltou a entregar', once", async () => {
    await entrega("grupo-olx", sp("2026-03-16T10:00:00"));
    const runs = await Promise.all([sweepAt("2026-03-16T10:00:30"), sweepAt("2026-03-16T10:00:30")]);
    expect(runs.flatMap((r) => r.resolvidos)).toHaveLength(1);
    await sweepAt("2026-03-16T10:05:00");

    const msgs = await portalMessages();
    expect(msgs).toHaveLength(2);
    expect(msgs[1]!.corpo).toContain("Grupo OLX voltou a entregar leads");
    expect(msgs[1]!.corpo).toContain("Nova entrega em 16/03 às 10h, depois de 1 dia e 16h sem entregas.");
    expect((await incidentes())[0]!.metadata).toMatchObject({ resolvidoEm: sp("2026-03-16T10:00:30").toISOString() });
    expect((await listIncidentesAbertos(t.db, imobiliariaId)).size).toBe(0);
    const cards = await loadIntegracoes(
      t.db,
      { id: imobiliariaId, slug: "portal-calado" },
      "https://lastro.example",
      sp("2026-03-16T10:05:00"),
    );
    expect(cards.every((c) => c.semEntregasDesde === null)).toBe(true);
  });

  it("a silence right after the return is not news: the fortnight before it has a day without deliveries", async () => {
    // After one delivery on 16/03 the fortnight before it has a hole (15/03): no second incident.
    await sweepAt("2026-03-18T10:00:00");
    expect(await incidentes()).toHaveLength(1);
    expect(await portalMessages()).toHaveLength(2);
  });
});
