// Integration: after "Passar adiante", nothing about the lead still waiting for the old broker
// reaches them: scheduled and queued alerts and reminders become `cancelada`, a quota-held alert
// leaves their summary, a grouped event leaves their digest. The new broker is alerted, and the old
// broker's other leads keep every row as it was. Real database; Redis when REDIS_URL is set.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadDailySummaryData } from "@/agents/analista/daily-summary-data";
import { queueDueSummaries } from "@/agents/analista/queue-due-summaries";
import { flushAgrupamentos } from "@/agents/orquestrador/flush-agrupamentos";
import { processEvento } from "@/agents/orquestrador/process-evento";
import { createDefaultKv, fixedClock, TUE_1000 } from "@/agents/orquestrador/testing/orquestrador-fixture";
import { updatePreferencias } from "@/lib/db/queries/corretores";
import { insertEvento, listEventosAguardandoAgrupamento, listEventosByLead } from "@/lib/db/queries/eventos";
import { listInteracoesByLead } from "@/lib/db/testing/interacoes";
import type { Lead } from "@/lib/db/queries/leads";
import { getMensagemById, insertMensagemOnce, transitionMensagem, type Mensagem } from "@/lib/db/queries/mensagens";
import { listRetidasSemAgrupada } from "@/lib/db/queries/mensagens-quota";
import { mensagens, type MensagemStatus } from "@/lib/db/schema";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { kvKeys } from "@/lib/kv/keys";
import type { Kv } from "@/lib/kv/types";
import { sweep } from "@/inngest/steps";
import { createOutboxClient } from "@/lib/whatsapp/outbox-client";
import { handleBrokerReply } from "./handle-broker-reply";
import { sendMensagem } from "../send/send-mensagem";
import { UNCONFIRMED } from "../send/send-policy";
import { templateWriter } from "../compose/templates";
import {
  captureDispatch,
  createInboundScene,
  createLead,
  newSid,
  twilioForm,
  withSid,
  type InboundScene,
} from "./testing/twilio-inbound";

const MIN = 60_000;
const ONTEM_1500 = new Date("2026-11-23T18:00:00Z"); // Monday 15:00 in São Paulo
let t: TestDb;
let s: InboundScene;
let kv: Kv;
const clock = fixedClock(TUE_1000);
let recorder = captureDispatch();

beforeAll(async () => {
  t = await createTestDb();
  kv = createDefaultKv();
  s = await createInboundScene(t.db);
  // Room for every alert and digest of this file on one day: the quota is not what is tested here.
  await updatePreferencias(t.db, s.agency.id, s.paulo.id, { limiteDiario: 20 });
});
beforeEach(() => {
  clock.set(TUE_1000);
  recorder = captureDispatch();
});
afterAll(async () => {
  await kv?.close();
  await t?.cleanup();
});

const orq = () => ({ db: t.db, kv, now: clock.now });
const tap = (acao: string, lead: Lead) =>
  handleBrokerReply(
    { db: t.db, kv, now: clock.now, dispatch: recorder.dispatch },
    withSid(twilioForm("inbound-button-reply", { ButtonPayload: `${acao}:${lead.id}` }), newSid()),
  );
/** The lead's first event (createLead's), before any hand-over adds one at the same instant. */
const eventoDe = async (lead: Lead) => (await listEventosByLead(t.db, s.agency.id, lead.id))[0]!;
const rowsOf = (lead: Lead) => t.db.select().from(mensagens).where(eq(mensagens.leadId, lead.id)).orderBy(mensagens.id);
const statusOf = async (ids: string[]) => Promise.all(ids.map(async (id) => (await getMensagemById(t.db, id))!.status));
const slotsUsados = async () => Number((await kv.get(kvKeys.mensagensDia(s.paulo.id, clock.now()).key)) ?? 0);

/** An alert row as the Orquestrador leaves it (scheduled off hours, or held by the quota). */
async function alertaParaPaulo(
  lead: Lead,
  spec: { status: MensagemStatus; eventoId?: string; scheduledFor?: Date; criadoEm?: Date },
) {
  const { mensagem } = await insertMensagemOnce(t.db, {
    imobiliariaId: s.agency.id,
    corretorId: s.paulo.id,
    leadId: lead.id,
    eventoId: spec.eventoId ?? null,
    tipo: "alerta",
    destino: s.paulo.telefone,
    corpo: `🔥 Novo lead: ${lead.nome}`,
    status: spec.status,
    scheduledFor: spec.scheduledFor ?? null,
    idempotencyKey: `alerta-teste:${newSid()}`,
    criadoEm: spec.criadoEm ?? clock.now(),
  });
  return mensagem;
}

/** The lead's alert decided now by the Orquestrador (a quota slot taken), as `pendente`. */
async function alertaDecidido(lead: Lead, eventoId: string): Promise<Mensagem> {
  const { mensagemIds } = await processEvento(orq(), eventoId);
  const row = await getMensagemById(t.db, mensagemIds[0]!);
  expect(row).toMatchObject({ status: "pendente", corretorId: s.paulo.id, leadId: lead.id });
  return row!;
}

/** The lead's first alert, decided and sent: the message whose button the broker taps. */
async function alertaEnviado(lead: Lead): Promise<Mensagem> {
  const enviada = await alertaDecidido(lead, (await eventoDe(lead)).id);
  await transitionMensagem(
    t.db,
    enviada.id,
    ["pendente"],
    { status: "enviada", providerSid: newSid(), sentAt: clock.now() },
    clock.now(),
  );
  return enviada;
}

/** A repeat inquiry's event for Paulo, not decided yet. */
const retornoDe = (lead: Lead) =>
  insertEvento(t.db, {
    imobiliariaId: s.agency.id,
    tipo: "lead_retorno",
    urgencia: "alta",
    corretorId: s.paulo.id,
    leadId: lead.id,
    titulo: "Lead voltou",
    descricao: "teste",
    acaoRecomendada: "teste",
    dataDeteccao: clock.now(),
  });

async function lembreteDe(lead: Lead): Promise<Mensagem> {
  await tap("lembrar", lead);
  return (await rowsOf(lead)).find((m) => m.tipo === "lembrete")!;
}

/** The new broker's event from the hand-over, decided by the Orquestrador. */
async function decideRepasse() {
  const recebido = recorder.calls.find((c) => c.name === "lead/received")!.data as {
    eventoId: string;
    corretorId: string;
  };
  return { ...(await processEvento(orq(), recebido.eventoId)), ...recebido };
}

describe("Passar adiante takes back what still waited for the old broker", () => {
  it("cancels the lead's scheduled and queued alerts and its reminder; no later sweep sends them; the new broker is alerted", async () => {
    const lucas = await createLead(t.db, s.agency, s.paulo.id, {
      at: new Date(TUE_1000.getTime() - 12 * MIN),
      nome: "Lucas Prado",
    });
    const outro = await createLead(t.db, s.agency, s.paulo.id, {
      at: new Date(TUE_1000.getTime() - 12 * MIN),
      nome: "Olga Mantida",
    });

    // Lucas: the alert Paulo taps (sent), a repeat inquiry's alert still queued (a slot taken), an
    // alert scheduled for later, one whose last attempt is unconfirmed, and a reminder.
    const enviada = await alertaEnviado(lucas);
    const naFila = await alertaDecidido(lucas, (await retornoDe(lucas)).id);
    const agendada = await alertaParaPaulo(lucas, {
      status: "agendada",
      scheduledFor: new Date(TUE_1000.getTime() + 30 * MIN),
    });
    const incerta = await alertaParaPaulo(lucas, { status: "pendente" });
    await transitionMensagem(
      t.db,
      incerta.id,
      ["pendente"],
      { status: "pendente", erroCodigo: UNCONFIRMED },
      clock.now(),
    );
    const lembrete = await lembreteDe(lucas);

    // Olga, Paulo's other lead, has the same kinds of rows.
    const outroAlerta = await alertaDecidido(outro, (await eventoDe(outro)).id);
    const outroAgendada = await alertaParaPaulo(outro, {
      status: "agendada",
      scheduledFor: new Date(TUE_1000.getTime() + 30 * MIN),
    });
    const outroLembrete = await lembreteDe(outro);
    const outroAntes = await rowsOf(outro);
    expect(await slotsUsados()).toBe(3);

    recorder = captureDispatch();
    expect(await tap("passar", lucas)).toMatchObject({ outcome: "respondida", acao: "lead_passado" });
    const {
      corretorId: novoId,
      mensagemIds: [novoAlertaId],
    } = await decideRepasse();
    const novo = [s.bruna, s.carla].find((c) => c.id === novoId)!;

    const canceladas = [naFila, agendada, lembrete];
    for (const row of await Promise.all(canceladas.map((m) => getMensagemById(t.db, m.id)))) {
      expect(row).toMatchObject({
        status: "cancelada",
        erroCodigo: "lead_repassado",
        erroMensagem: `Lead repassado para ${novo.nome} (Passar adiante).`,
      });
    }
    // Already sent, or possibly sent (only the sender's lookup can tell): left as they were.
    expect(await statusOf([enviada.id, incerta.id])).toEqual(["enviada", "pendente"]);
    expect(await rowsOf(outro)).toEqual(outroAntes);
    // The queued alert's slot goes back; the sent one keeps its own.
    expect(await slotsUsados()).toBe(2);
    const nota = (await listInteracoesByLead(t.db, lucas.id)).find((i) => i.tipo === "nota");
    expect(nota?.metadata).toMatchObject({ mensagensCanceladas: canceladas.map((m) => m.id).sort() });

    // Later sweeps: the other lead's scheduled alert and reminder go out, nothing of Lucas's does.
    clock.advance(2 * 60 * MIN);
    const deps = { db: t.db, kv, whatsapp: createOutboxClient(), now: clock.now, writer: templateWriter };
    const sends = new Set((await sweep(deps)).sends.map((x) => x.mensagemId));
    for (const m of [outroAlerta, outroAgendada, outroLembrete]) expect(sends).toContain(m.id);
    for (const m of canceladas) expect(sends).not.toContain(m.id);
    for (const m of canceladas) expect(await sendMensagem(deps, m.id)).toEqual({ outcome: "ja_processada" });
    expect(await statusOf(canceladas.map((m) => m.id))).toEqual(["cancelada", "cancelada", "cancelada"]);

    // The new broker gets the lead's alert.
    expect(await getMensagemById(t.db, novoAlertaId!)).toMatchObject({
      tipo: "alerta",
      status: "pendente",
      corretorId: novo.id,
      leadId: lucas.id,
    });
  });

  it("a quota-held alert leaves the old broker's summary and digest; the other held lead stays in both", async () => {
    const celia = await createLead(t.db, s.agency, s.paulo.id, { at: ONTEM_1500, nome: "Célia Retida" });
    const davi = await createLead(t.db, s.agency, s.paulo.id, { at: ONTEM_1500, nome: "Davi Retido" });
    const retidaCelia = await alertaParaPaulo(celia, {
      status: "retida_cota",
      eventoId: (await eventoDe(celia)).id,
      criadoEm: ONTEM_1500,
    });
    const retidaDavi = await alertaParaPaulo(davi, {
      status: "retida_cota",
      eventoId: (await eventoDe(davi)).id,
      criadoEm: ONTEM_1500,
    });

    await tap("passar", celia);
    expect(await statusOf([retidaCelia.id, retidaDavi.id])).toEqual(["cancelada", "retida_cota"]);

    const ontem = { desde: new Date("2026-11-23T03:00:00Z"), ate: new Date("2026-11-24T03:00:00Z") };
    const data = await loadDailySummaryData(t.db, {
      corretor: s.paulo,
      imobiliaria: s.agency,
      now: clock.now(),
      periodo: ontem,
      pendentes: ontem,
    });
    expect(data.retidos.map((l) => l.nome)).toEqual(["Davi Retido"]);
    const listados = [...data.retidos, ...data.pediramVisita, ...data.frios, ...data.semContato].map((l) => l.id);
    expect(listados).not.toContain(celia.id);

    // The scheduled daily summary (today's, listing what waits since yesterday) names Davi only.
    await queueDueSummaries({ db: t.db, now: clock.now });
    const [resumo] = await t.db
      .select()
      .from(mensagens)
      .where(eq(mensagens.idempotencyKey, `resumo:${s.paulo.id}:2026-11-24`));
    expect(resumo?.corpo).toContain("Davi Retido");
    expect(resumo?.corpo).not.toContain("Célia Retida");

    // The next digest tells Davi's held alert, not Célia's.
    expect((await listRetidasSemAgrupada(t.db, { corretorId: s.paulo.id })).map((m) => m.id)).toEqual([retidaDavi.id]);
    const {
      mensagemIds: [digestId],
    } = await flushAgrupamentos(orq(), { corretorId: s.paulo.id });
    const digest = await getMensagemById(t.db, digestId!);
    expect(digest?.eventoIds).toEqual([retidaDavi.eventoId]);
    expect(digest?.corpo).not.toContain("Célia Retida");
  });

  it("a grouped event leaves the old broker's next digest and their KV group; the new broker gets it", async () => {
    const ester = await createLead(t.db, s.agency, s.paulo.id, { at: clock.now(), nome: "Ester Morna", score: 55 });
    const fabio = await createLead(t.db, s.agency, s.paulo.id, { at: clock.now(), nome: "Fábio Morno", score: 56 });
    const [eventoEster, eventoFabio] = [await eventoDe(ester), await eventoDe(fabio)];
    for (const e of [eventoEster, eventoFabio]) expect((await processEvento(orq(), e.id)).decisao).toBe("agrupar");

    await tap("passar", ester);
    expect(
      (await listEventosByLead(t.db, s.agency.id, ester.id)).find((e) => e.id === eventoEster.id)?.metadata,
    ).toMatchObject({
      decisao: { acao: "agrupar" },
      cancelamento: { motivo: "lead_repassado" },
    });
    expect((await listEventosAguardandoAgrupamento(t.db, { corretorId: s.paulo.id })).map((e) => e.id)).toEqual([
      eventoFabio.id,
    ]);

    clock.advance(31 * MIN); // the window closed
    const {
      mensagemIds: [digestId],
    } = await flushAgrupamentos(orq(), { corretorId: s.paulo.id });
    const digest = await getMensagemById(t.db, digestId!);
    expect(digest?.eventoIds).toEqual([eventoFabio.id]);
    expect(digest?.corpo).toContain("Fábio Morno");
    expect(digest?.corpo).not.toContain("Ester Morna");

    // A warm lead reaches the new broker the same way: in their own group.
    const repasse = await decideRepasse();
    expect(repasse.decisao).toBe("agrupar");
    expect(
      (await listEventosAguardandoAgrupamento(t.db, { corretorId: repasse.corretorId })).map((e) => e.leadId),
    ).toContain(ester.id);
  });

  it("a digest already written that lists the lead is left to go out whole", async () => {
    const gil = await createLead(t.db, s.agency, s.paulo.id, { at: clock.now(), nome: "Gil Agrupado", score: 55 });
    const evento = await eventoDe(gil);
    const { mensagem: digest } = await insertMensagemOnce(t.db, {
      imobiliariaId: s.agency.id,
      corretorId: s.paulo.id,
      eventoIds: [evento.id],
      tipo: "agrupada",
      destino: s.paulo.telefone,
      corpo: "📋 *1 novo lead desde 10h*\n• *Gil Agrupado*",
      status: "pendente",
      idempotencyKey: `agrupada-teste:${evento.id}`,
    });
    await tap("passar", gil);
    expect(await getMensagemById(t.db, digest.id)).toEqual(digest);
  });

  it("decides the lead's events the Orquestrador had not decided yet as cancelled: no alert for the old broker", async () => {
    const lead = await createLead(t.db, s.agency, s.paulo.id, {
      at: new Date(TUE_1000.getTime() - 5 * MIN),
      nome: "Rita Nova",
    });
    await alertaEnviado(lead);
    // A repeat inquiry arrived a moment ago; the pipeline has not reached it yet.
    const pendente = await retornoDe(lead);

    recorder = captureDispatch();
    expect(await tap("passar", lead)).toMatchObject({ outcome: "respondida", acao: "lead_passado" });
    expect(await processEvento(orq(), pendente.id)).toMatchObject({ mensagemIds: [], decisao: "cancelado" });
    const eventos = await listEventosByLead(t.db, s.agency.id, lead.id);
    expect(eventos.find((e) => e.id === pendente.id)).toMatchObject({
      processado: true,
      metadata: expect.objectContaining({ cancelamento: expect.objectContaining({ motivo: "lead_repassado" }) }),
    });
    const { corretorId: novoId, mensagemIds } = await decideRepasse();
    expect(mensagemIds).toHaveLength(1);
    const alertas = (await rowsOf(lead)).filter((m) => m.tipo === "alerta");
    expect(alertas.map((m) => [m.corretorId, m.status])).toEqual(
      expect.arrayContaining([
        [s.paulo.id, "enviada"],
        [novoId, "pendente"],
      ]),
    );
    expect(alertas).toHaveLength(2); // none for the repeat inquiry to the old broker
    const nota = (await listInteracoesByLead(t.db, lead.id)).find((i) => i.tipo === "nota");
    expect(nota?.metadata).toMatchObject({ eventosCancelados: [pendente.id] });
  });
});
