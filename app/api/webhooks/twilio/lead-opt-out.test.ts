// Integration: "pare" from a lead on WhatsApp, signed as Twilio signs it, through the webhook and a real
// database (PGlite, or Postgres with DATABASE_URL); no network. The person is marked "não quer contato"
// on every lead of theirs in the agency, what was still to go out about them is cancelled, and a new
// event about them is decided without any message to a broker.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { TUE_1000, fixedClock } from "@/agents/orquestrador/testing/orquestrador-fixture";
import { processEvento } from "@/agents/orquestrador/process-evento";
import { isOptOutText } from "@/agents/vigilante/opt-out";
import { useDbForTests } from "@/lib/db/client";
import { listAuditoria } from "@/lib/db/queries/auditoria";
import { insertEvento } from "@/lib/db/queries/eventos";
import { insertMensagemOnce } from "@/lib/db/queries/mensagens";
import type { Lead } from "@/lib/db/queries/leads";
import { eventos, leads, mensagens } from "@/lib/db/schema";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { createKv } from "@/lib/kv";
import { describeDecision } from "@/lib/painel/describe-decision";
import { respondToTwilioWebhook } from "./receive-twilio-webhook";
import {
  captureDispatch,
  createInboundScene,
  createLead,
  newSid,
  twilioForm,
  withSid,
  type InboundScene,
} from "../../../../agents/conselheiro/inbound/testing/twilio-inbound";
import { AUTH_TOKEN, PUBLIC_BASE_URL, signedTwilioRequest } from "./testing/signed-twilio-request";

let t: TestDb;
let scene: InboundScene;
let lead: Lead;
let antigo: Lead;
const clock = fixedClock(TUE_1000);
const kv = createKv({ driver: "memory" });
const LEAD_FROM = { From: "whatsapp:+5511987654321", WaId: "5511987654321" };

beforeAll(async () => {
  t = await createTestDb();
  scene = await createInboundScene(t.db);
  // Two leads of the same person: an older one (Bruna's) and the one alerted to Paulo, which she answers.
  antigo = await createLead(t.db, scene.agency, scene.bruna.id, { at: new Date(TUE_1000.getTime() - 3 * 86_400_000) });
  const at = new Date(TUE_1000.getTime() - 60 * 60_000);
  lead = await createLead(t.db, scene.agency, scene.paulo.id, { at });
  const { mensagem } = await insertMensagemOnce(t.db, {
    imobiliariaId: lead.imobiliariaId!,
    corretorId: scene.paulo.id,
    leadId: lead.id,
    tipo: "alerta",
    destino: scene.paulo.telefone,
    corpo: `Novo lead: ${lead.nome}`,
    status: "enviada",
    idempotencyKey: `alerta-optout-${lead.id}`,
    criadoEm: at,
  });
  await t.db.update(mensagens).set({ sentAt: at }).where(eq(mensagens.id, mensagem.id));
  // A reminder about the older lead still waiting to go out.
  await insertMensagemOnce(t.db, {
    imobiliariaId: antigo.imobiliariaId!,
    corretorId: scene.bruna.id,
    leadId: antigo.id,
    tipo: "lembrete",
    destino: scene.bruna.telefone,
    corpo: `Lembrete: ${antigo.nome}`,
    status: "agendada",
    scheduledFor: new Date(TUE_1000.getTime() + 60 * 60_000),
    idempotencyKey: `lembrete-optout-${antigo.id}`,
    criadoEm: at,
  });
});
afterAll(async () => {
  useDbForTests(null);
  await t?.cleanup();
});

const post = (params: Record<string, string>) =>
  respondToTwilioWebhook(
    {
      db: t.db,
      kv,
      now: clock.now,
      dispatch: captureDispatch().dispatch,
      authToken: AUTH_TOKEN,
      publicBaseUrl: PUBLIC_BASE_URL,
    },
    signedTwilioRequest(params),
  );

describe("opt-out (não quer contato)", () => {
  it.each([
    ["PARE", true],
    ["pare.", true],
    ["Sair", true],
    ["Não quero mais contato", true],
    ["nao quero receber mensagens", true],
    ["Por favor não me liguem mais", true],
    ["parem de me mandar mensagem!!", true],
    ["Remova meu número da lista", true],
    ["Não tenho mais interesse, obrigado.", false],
    ["Para quando é a visita?", false],
    ["Pare de brincadeira, quero ver o apartamento hoje", false],
    ["Quero contato sim, me liga", false],
  ])("reads %j as opt-out: %s", (texto, esperado) => {
    expect(isOptOutText(texto)).toBe(esperado);
  });

  it("a lead's 'pare' marks every lead of that person, cancels what was to go out, and audits it without them", async () => {
    const res = await post(withSid(twilioForm("inbound-text", { ...LEAD_FROM, Body: "PARE" }), newSid()));
    expect(res.status).toBe(200);

    const marcados = await t.db
      .select({ id: leads.id, metadata: leads.metadata })
      .from(leads)
      .where(eq(leads.imobiliariaId, scene.agency.id));
    for (const id of [lead.id, antigo.id]) {
      expect(marcados.find((l) => l.id === id)!.metadata).toMatchObject({ optOut: { canal: "whatsapp" } });
    }
    const [lembrete] = await t.db
      .select({ status: mensagens.status, erroMensagem: mensagens.erroMensagem })
      .from(mensagens)
      .where(eq(mensagens.idempotencyKey, `lembrete-optout-${antigo.id}`));
    // The message card says why it never went.
    expect(lembrete).toEqual({
      status: "cancelada",
      erroMensagem: "Cancelada: a pessoa pediu para não ser contatada.",
    });

    const { itens } = await listAuditoria(t.db, scene.agency.id, { acao: "lead.opt_out" }, { limit: 5 });
    expect(itens.map((a) => a.detalhes)).toEqual([{ canal: "whatsapp", leads: 2, mensagensCanceladas: 1 }]);
    expect(JSON.stringify(itens)).not.toContain("987654321");
  });

  it("a new event about the person is decided with no message to a broker, and the timeline says why", async () => {
    const evento = await insertEvento(t.db, {
      imobiliariaId: scene.agency.id,
      tipo: "lead_retorno",
      urgencia: "alta",
      corretorId: scene.paulo.id,
      leadId: lead.id,
      titulo: "Lead voltou",
      descricao: "nova consulta",
      acaoRecomendada: "ligar",
      dataDeteccao: clock.now(),
    });
    const antes = await t.db.select({ id: mensagens.id }).from(mensagens).where(eq(mensagens.leadId, lead.id));
    const result = await processEvento({ db: t.db, kv, now: clock.now }, evento.id);
    expect(result).toEqual({ mensagemIds: [], decisao: "cancelado" });
    const depois = await t.db.select({ id: mensagens.id }).from(mensagens).where(eq(mensagens.leadId, lead.id));
    expect(depois).toHaveLength(antes.length);
    const [row] = await t.db
      .select({ metadata: eventos.metadata })
      .from(eventos)
      .where(and(eq(eventos.id, evento.id), eq(eventos.processado, true)));
    const decisao = (row!.metadata as { decisao: unknown }).decisao;
    expect(
      describeDecision(decisao, {
        score: 80,
        limiares: { quente: 70, morno: 40 },
        limiteDiario: 5,
        timezone: "America/Sao_Paulo",
      }),
    ).toBe("sem alerta: a pessoa pediu para não ser contatada");
  });
});

describe("'Não quer contato' marked on the lead page", () => {
  it("a broker marks their own lead; another broker's scope gets the missing lead", async () => {
    const { optOutFromPainel } = await import("@/agents/vigilante/opt-out");
    const novo = await createLead(t.db, scene.agency, scene.carla.id, { at: TUE_1000 });
    const outroCorretor = { imobiliariaId: scene.agency.id, corretorId: scene.paulo.id };
    expect(await optOutFromPainel(t.db, { scope: outroCorretor, usuarioId: "usr_teste" }, novo.id, TUE_1000)).toEqual({
      kind: "nao_encontrado",
    });
    const carla = { imobiliariaId: scene.agency.id, corretorId: scene.carla.id };
    expect(await optOutFromPainel(t.db, { scope: carla, usuarioId: "usr_teste" }, novo.id, TUE_1000)).toEqual({
      kind: "feito",
      leads: 1,
      mensagensCanceladas: 0,
    });
    const [row] = await t.db.select({ metadata: leads.metadata }).from(leads).where(eq(leads.id, novo.id));
    expect(row!.metadata).toMatchObject({ optOut: { canal: "painel" } });
  });

  it("a lead whose phone was kept as the portal sent it is marked alone", async () => {
    const { optOutFromPainel } = await import("@/agents/vigilante/opt-out");
    const novo = await createLead(t.db, scene.agency, scene.carla.id, { at: TUE_1000 });
    await t.db.update(leads).set({ telefone: "11 9876-543" }).where(eq(leads.id, novo.id));
    const carla = { imobiliariaId: scene.agency.id, corretorId: scene.carla.id };
    expect(await optOutFromPainel(t.db, { scope: carla, usuarioId: "usr_teste" }, novo.id, TUE_1000)).toMatchObject({
      kind: "feito",
      leads: 1,
    });
  });

  it("a database failure while finding the person's other leads is an error, not a partial opt-out", async () => {
    const { optOutFromPainel } = await import("@/agents/vigilante/opt-out");
    const novo = await createLead(t.db, scene.agency, scene.carla.id, { at: TUE_1000 });
    // The lead is read, then the lookup of the same phone loses the connection.
    let selects = 0;
    const instavel = new Proxy(t.db, {
      get(target, prop, receiver) {
        if (prop !== "select") return Reflect.get(target, prop, receiver);
        return (...args: Parameters<typeof target.select>) => {
          if (++selects === 2) throw new Error("conexão perdida");
          return target.select(...args);
        };
      },
    });
    const carla = { imobiliariaId: scene.agency.id, corretorId: scene.carla.id };
    await expect(
      optOutFromPainel(instavel, { scope: carla, usuarioId: "usr_teste" }, novo.id, TUE_1000),
    ).rejects.toThrow("conexão perdida");
    const [row] = await t.db.select({ metadata: leads.metadata }).from(leads).where(eq(leads.id, novo.id));
    expect(row!.metadata ?? {}).not.toHaveProperty("optOut");
  });
});
