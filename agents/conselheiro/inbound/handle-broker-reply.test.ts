// Integration: each broker reply (Twilio's own button and text bodies, signed) does its action in
// the real database and answers with one `resposta` row sent through dispatch; a Twilio retry of
// the same MessageSid changes nothing more; another broker's lead is never touched.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { TUE_1000, fixedClock } from "@/agents/orquestrador/testing/orquestrador-fixture";
import { getCorretorById } from "@/lib/db/queries/corretores";
import { listEventosByLead } from "@/lib/db/queries/eventos";
import { listInteracoesByLead } from "@/lib/db/testing/interacoes";
import { getLeadById, type Lead } from "@/lib/db/queries/leads";
import { insertMensagemOnce, transitionMensagem } from "@/lib/db/queries/mensagens";
import { mensagens } from "@/lib/db/schema";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { createKv } from "@/lib/kv";
import { respondToTwilioWebhook } from "../../../app/api/webhooks/twilio/receive-twilio-webhook";
import {
  captureDispatch,
  createInboundScene,
  createLead,
  newSid,
  snapshotTables,
  twilioForm,
  withSid,
  type InboundScene,
} from "./testing/twilio-inbound";
import {
  AUTH_TOKEN,
  PUBLIC_BASE_URL,
  signedTwilioRequest,
} from "../../../app/api/webhooks/twilio/testing/signed-twilio-request";

let t: TestDb;
let s: InboundScene;
const clock = fixedClock(TUE_1000);
let recorder = captureDispatch();
const TWELVE_MIN_AGO = new Date(TUE_1000.getTime() - 12 * 60_000);

beforeAll(async () => {
  t = await createTestDb();
  s = await createInboundScene(t.db);
});
beforeEach(() => {
  clock.set(TUE_1000);
  recorder = captureDispatch();
});
afterAll(async () => t?.cleanup());

async function send(params: Record<string, string>) {
  const deps = {
    db: t.db,
    kv: createKv({ driver: "memory" }),
    now: clock.now,
    dispatch: recorder.dispatch,
    authToken: AUTH_TOKEN,
    publicBaseUrl: PUBLIC_BASE_URL,
  };
  const res = await respondToTwilioWebhook(deps, signedTwilioRequest(params));
  expect(res.status).toBe(200);
  const [resposta] = await t.db
    .select()
    .from(mensagens)
    .where(eq(mensagens.idempotencyKey, `resposta:${params.MessageSid}`));
  return resposta ?? null;
}
const button = (payload: string, sid = newSid()) =>
  withSid(twilioForm("inbound-button-reply", { ButtonPayload: payload }), sid);
const text = (body: string, sid = newSid()) => withSid(twilioForm("inbound-text", { Body: body }), sid);
const leadOf = (lead: Lead) => getLeadById(t.db, s.agency.id, lead.id);

describe("Já contatei", () => {
  it("moves the lead to em_contato, records the first-response time once, and confirms", async () => {
    const lead = await createLead(t.db, s.agency, s.paulo.id, { at: TWELVE_MIN_AGO });
    const params = button(`ja_contatei:${lead.id}`);
    const resposta = await send(params);
    expect((await leadOf(lead))?.status).toBe("em_contato");
    const contatos = (await listInteracoesByLead(t.db, lead.id)).filter((i) => i.tipo === "contato_corretor");
    expect(contatos).toHaveLength(1);
    expect(contatos[0]?.metadata).toMatchObject({ tempoPrimeiraRespostaMin: 12, corretorId: s.paulo.id });
    expect(resposta).toMatchObject({
      tipo: "resposta",
      status: "pendente",
      corretorId: s.paulo.id,
      destino: s.paulo.telefone,
      leadId: lead.id,
    });
    expect(resposta?.corpo).toMatch(/Anotado.*Mariana Souza.*12 min/);
    expect(recorder.calls).toEqual([
      {
        name: "message/send",
        data: { mensagemId: resposta!.id, corretorId: s.paulo.id },
        idempotencyKey: `message-send-${resposta!.id}`,
      },
    ]);

    // Twilio retries the very same inbound: nothing more, not even a dispatch.
    const before = await snapshotTables(t.db);
    recorder = captureDispatch();
    await send(params);
    expect(await snapshotTables(t.db)).toEqual(before);
    expect(recorder.calls).toEqual([]);

    // A second tap (new message) keeps the first time and says so.
    clock.advance(30 * 60_000);
    const again = await send(button(`ja_contatei:${lead.id}`));
    expect(again?.corpo).toMatch(/já estava em contato/);
    expect((await listInteracoesByLead(t.db, lead.id)).filter((i) => i.tipo === "contato_corretor")).toHaveLength(1);
  });

  it("accepts the fixture's English payload (lead_contacted:<id>) and a typed 'ja contatei' about the last alert", async () => {
    const first = await createLead(t.db, s.agency, s.paulo.id, { at: TWELVE_MIN_AGO, nome: "Pedro Lima" });
    await send(button(`lead_contacted:${first.id}`));
    expect((await leadOf(first))?.status).toBe("em_contato");

    const alerted = await createLead(t.db, s.agency, s.paulo.id, { at: TWELVE_MIN_AGO, nome: "Joana Reis" });
    const { mensagem } = await insertMensagemOnce(t.db, {
      imobiliariaId: s.agency.id,
      corretorId: s.paulo.id,
      leadId: alerted.id,
      tipo: "alerta",
      destino: s.paulo.telefone,
      corpo: "🔥 Novo lead: Joana",
      status: "pendente",
      idempotencyKey: `alerta-teste:${alerted.id}`,
    });
    await transitionMensagem(
      t.db,
      mensagem.id,
      ["pendente"],
      { status: "enviada", providerSid: newSid(), sentAt: TWELVE_MIN_AGO },
      TWELVE_MIN_AGO,
    );
    const resposta = await send(text("Já contatei!"));
    expect(resposta?.corpo).toMatch(/Joana Reis/);
    expect((await leadOf(alerted))?.status).toBe("em_contato");
  });
});

describe("Passar adiante", () => {
  it("re-routes by roleta to another broker, records who passed to whom, and alerts the new broker", async () => {
    const lead = await createLead(t.db, s.agency, s.paulo.id, { at: TWELVE_MIN_AGO, nome: "Lucas Prado" });
    const resposta = await send(button(`passar:${lead.id}`));
    const novoId = (await leadOf(lead))?.corretorId;
    expect([s.bruna.id, s.carla.id]).toContain(novoId);
    const novo = await getCorretorById(t.db, s.agency.id, novoId!);
    const nota = (await listInteracoesByLead(t.db, lead.id)).find((i) => i.tipo === "nota");
    expect(nota?.conteudo).toBe(`Paulo Corretor passou o lead para ${novo!.nome} pelo WhatsApp (Passar adiante).`);
    expect(nota?.metadata).toMatchObject({ de: s.paulo.id, para: novoId, roteamento: "roleta" });
    const evento = (await listEventosByLead(t.db, s.agency.id, lead.id)).at(-1)!;
    expect(evento).toMatchObject({
      tipo: "novo_lead",
      corretorId: novoId,
      processado: false,
      metadata: { repassadoDe: s.paulo.id },
    });
    expect(resposta?.corpo).toContain(`foi passado para ${novo!.nome.split(" ")[0]}`);
    expect(recorder.calls.map((c) => [c.name, c.data.corretorId])).toEqual([
      ["message/send", s.paulo.id],
      ["lead/received", novoId],
    ]);
    expect(recorder.calls[1]).toMatchObject({
      data: { eventoId: evento.id, leadId: lead.id, imobiliariaId: s.agency.id },
      idempotencyKey: `lead-received-${evento.id}`,
    });
  });

  it("the same tap delivered twice at once passes the lead once", async () => {
    const lead = await createLead(t.db, s.agency, s.paulo.id, { at: TWELVE_MIN_AGO, nome: "Vera Dupla" });
    const params = button(`passar:${lead.id}`);
    await Promise.all([send(params), send(params)]);
    expect(await listEventosByLead(t.db, s.agency.id, lead.id)).toHaveLength(2); // the original and one hand-over
    expect((await listInteracoesByLead(t.db, lead.id)).filter((i) => i.tipo === "nota")).toHaveLength(1);
    expect(recorder.calls.map((c) => c.name).sort()).toEqual(["lead/received", "message/send"]);
  });

  it("with nobody else available, the lead stays and the broker is told", async () => {
    const sozinho = await createInboundScene(t.db, { pauloPhone: "+5531991234567", soPaulo: true });
    const lead = await createLead(t.db, sozinho.agency, sozinho.paulo.id, { at: TWELVE_MIN_AGO });
    const params = withSid(
      twilioForm("inbound-button-reply", {
        ButtonPayload: `passar:${lead.id}`,
        From: "whatsapp:+5531991234567",
        WaId: "553191234567",
      }),
      newSid(),
    );
    const resposta = await send(params);
    expect(resposta?.corpo).toMatch(/Nenhum outro corretor/);
    expect((await getLeadById(t.db, sozinho.agency.id, lead.id))?.corretorId).toBe(sozinho.paulo.id);
    expect(await listEventosByLead(t.db, sozinho.agency.id, lead.id)).toHaveLength(1);
  });
});

describe("Lembrar em 1h", () => {
  it("schedules one reminder in an hour, even when Twilio delivers the tap twice", async () => {
    const lead = await createLead(t.db, s.agency, s.paulo.id, { at: TWELVE_MIN_AGO, nome: "Rita Campos" });
    const params = button(`lembrar:${lead.id}`);
    const resposta = await send(params);
    await send(params);
    const lembretes = await t.db
      .select()
      .from(mensagens)
      .where(and(eq(mensagens.leadId, lead.id), eq(mensagens.tipo, "lembrete")));
    expect(lembretes).toHaveLength(1);
    expect(lembretes[0]).toMatchObject({
      status: "agendada",
      corretorId: s.paulo.id,
      scheduledFor: new Date(TUE_1000.getTime() + 3600_000),
      idempotencyKey: `lembrete:${lead.id}:${s.paulo.id}:${params.MessageSid}`,
    });
    expect(lembretes[0]?.corpo).toMatch(/Lembrete: responder Rita Campos/);
    expect(resposta?.corpo).toMatch(/lembro você de \*Rita Campos\* hoje às 11h/);
    expect(recorder.calls.map((c) => c.name)).toEqual(["message/send"]); // the reply only; the sweep sends the reminder when due
  });
});

describe("another broker's lead", () => {
  it.each(["ja_contatei", "passar", "lembrar"])("%s changes nothing and says the lead is not theirs", async (acao) => {
    const lead = await createLead(t.db, s.agency, s.bruna.id, { at: TWELVE_MIN_AGO });
    const before = await snapshotTables(t.db);
    const resposta = await send(button(`${acao}:${lead.id}`));
    expect(resposta?.corpo).toMatch(/não está com você/);
    const after = await snapshotTables(t.db);
    expect(after.leads).toEqual(before.leads);
    expect([after.interacoes, after.eventos, after.mensagens, after.roleta]).toEqual([
      before.interacoes,
      before.eventos,
      before.mensagens + 1,
      before.roleta,
    ]);
  });
});
