// Twilio is replaced at the HTTP boundary by a local fake server (lib/whatsapp/testing): the real
// twilio SDK sends every request, and "landed" is read from the fake's own log of messages.
import http from "node:http";
import https from "node:https";
import { describe, expect, it, vi } from "vitest";
import { getMensagemById } from "@/lib/db/queries/mensagens";
import { insertUsuario } from "@/lib/db/queries/usuarios";
import { createOutboxClient } from "@/lib/whatsapp/outbox-client";
import { sendMensagem, type SendMensagemDeps } from "./send-mensagem";
import {
  BROKER_PHONE,
  newPendente,
  registerSendHarness,
  sendWithRetries,
  twilioClientFor,
} from "./testing/send-fixtures";

const h = registerSendHarness();
// A valid bcrypt shape; nobody logs in with it here.
const FAKE_HASH = "$2a$04$" + "a".repeat(53);
const CALLBACK = "https://lastro.example.com/api/webhooks/twilio/status";

const deps = (over: Partial<SendMensagemDeps> = {}) => ({
  db: h.t.db,
  whatsapp: twilioClientFor(h.fake),
  now: h.clock.now,
  statusCallbackUrl: CALLBACK,
  sleep: h.clock.sleep,
  ...over,
});
// Rows are created on the test clock, as they are on the real one in production.
const pendente = (over: Parameters<typeof newPendente>[2] = {}) =>
  newPendente(h.t.db, h.broker, { criadoEm: h.clock.now(), ...over });
const creates = (body: string) => h.fake.creates.filter((c) => c.body === body).length;

describe("sendMensagem", () => {
  it("sends once and records the sid, the time and one attempt", async () => {
    const row = await pendente();
    expect(await sendMensagem(deps(), row.id)).toEqual({ outcome: "enviada" });
    const saved = await getMensagemById(h.t.db, row.id);
    expect(h.fake.creates).toHaveLength(1);
    expect(h.fake.creates[0]).toMatchObject({
      to: `whatsapp:${BROKER_PHONE}`,
      body: row.corpo,
      statusCallback: CALLBACK,
    });
    expect(saved).toMatchObject({
      status: "enviada",
      providerSid: h.fake.messages[0]!.sid,
      tentativas: 1,
      erroCodigo: null,
    });
    expect(saved?.sentAt?.toISOString()).toBe(h.clock.now().toISOString());
  });

  it("sends a message to a manager's login (no broker) to the manager's own number", async () => {
    const gestor = await insertUsuario(h.t.db, {
      email: "gestora@example.com",
      nome: "Gestora",
      senhaHash: FAKE_HASH,
      papel: "gestor",
      imobiliariaId: h.broker.imobiliariaId,
    });
    const row = await newPendente(h.t.db, h.broker, {
      corretorId: null,
      usuarioId: gestor.id,
      destino: "+5511987650000",
      criadoEm: h.clock.now(),
    });
    expect(await sendMensagem(deps(), row.id)).toEqual({ outcome: "enviada" });
    expect(h.fake.creates[0]).toMatchObject({ to: "whatsapp:+5511987650000", body: row.corpo });
    expect(await getMensagemById(h.t.db, row.id)).toMatchObject({ status: "enviada", usuarioId: gestor.id });
  });

  it("refuses a message row with both a broker and a login, or with neither", async () => {
    await expect(newPendente(h.t.db, h.broker, { usuarioId: "usr_x" })).rejects.toThrow(/exatamente um/);
    await expect(newPendente(h.t.db, h.broker, { corretorId: null })).rejects.toThrow(/exatamente um/);
  });

  it("does nothing for a row already sent (a re-delivered trigger)", async () => {
    const row = await pendente();
    await sendMensagem(deps(), row.id);
    expect(await sendMensagem(deps(), row.id)).toEqual({ outcome: "ja_processada" });
    expect(h.fake.landed({ body: row.corpo })).toBe(1);
  });

  it("without Twilio keys marks the row outbox and touches no network", async () => {
    const spies = [vi.spyOn(http, "request"), vi.spyOn(https, "request"), vi.spyOn(globalThis, "fetch")];
    const row = await pendente();
    expect(await sendMensagem(deps({ whatsapp: createOutboxClient() }), row.id)).toEqual({ outcome: "outbox" });
    const saved = await getMensagemById(h.t.db, row.id);
    expect(saved).toMatchObject({ status: "outbox", providerSid: expect.stringMatching(/^outbox_/) });
    expect(saved?.sentAt).toEqual(h.clock.now());
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    vi.restoreAllMocks();
    expect(h.fake.creates).toHaveLength(0);
  });

  it("without a model every sent row says the template wrote it, and why no model did", async () => {
    const redacao = { tipo: "novo_lead", fatos: ["Mariana"], contexto: { primeiroNome: "Mariana" }, rodape: "" };
    const offered = await pendente({ redacao });
    const fixed = await pendente({ tipo: "resposta" });
    for (const row of [offered, fixed]) await sendMensagem(deps({ whatsapp: createOutboxClient() }), row.id);
    expect(await getMensagemById(h.t.db, offered.id)).toMatchObject({
      status: "outbox",
      corpo: offered.corpo,
      escritaPor: "regras",
      escritaMotivo: "sem_modelo",
    });
    expect(await getMensagemById(h.t.db, fixed.id)).toMatchObject({ escritaPor: "regras", escritaMotivo: "tipo_fixo" });
  });

  it("two concurrent sends of one row make one Twilio create", async () => {
    const row = await pendente();
    const outcomes = await Promise.all([sendMensagem(deps(), row.id), sendMensagem(deps(), row.id)]);
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(["enviada", "ja_processada"]);
    expect(creates(row.corpo)).toBe(1);
    expect(h.fake.landed({ body: row.corpo })).toBe(1);
  });

  it("retries 503 and 429 with exponential backoff, and one message lands", async () => {
    const row = await pendente();
    h.fake.scriptCreates({ kind: "error", status: 503 }, { kind: "error", status: 429, code: 20429 });
    expect(await sendWithRetries(deps(), row.id)).toEqual({ outcome: "enviada" });
    expect(h.clock.sleeps).toEqual([5_000, 10_000]);
    expect(creates(row.corpo)).toBe(3);
    expect(h.fake.landed({ body: row.corpo })).toBe(1);
    expect(h.fake.listCalls).toBe(0); // a proven non-send needs no lookup
    expect(await getMensagemById(h.t.db, row.id)).toMatchObject({ status: "enviada", tentativas: 3, erroCodigo: null });
  });

  it("does not claim a backed-off row before its time", async () => {
    const row = await pendente();
    h.fake.scriptCreates({ kind: "error", status: 503 });
    expect(await sendMensagem(deps(), row.id)).toEqual({ outcome: "reagendar", retryInMs: 5_000 });
    expect(await getMensagemById(h.t.db, row.id)).toMatchObject({ status: "pendente", erroCodigo: "20503" });
    expect(await sendMensagem(deps(), row.id)).toEqual({ outcome: "ja_processada" });
    h.clock.advance(5_000);
    expect(await sendMensagem(deps(), row.id)).toEqual({ outcome: "enviada" });
  });

  it("gives up after 5 throttled attempts", async () => {
    const row = await pendente();
    h.fake.scriptCreates(...Array.from({ length: 5 }, () => ({ kind: "error", status: 429, code: 20429 }) as const));
    expect(await sendWithRetries(deps(), row.id)).toEqual({ outcome: "falhou" });
    expect(h.clock.sleeps).toEqual([5_000, 10_000, 20_000, 40_000]);
    expect(await getMensagemById(h.t.db, row.id)).toMatchObject({
      status: "falhou",
      tentativas: 5,
      erroCodigo: "20429",
    });
    expect(h.fake.landed({ body: row.corpo })).toBe(0);
  });

  it("fails a bad number at once with Twilio's code", async () => {
    const row = await pendente();
    h.fake.scriptCreates({ kind: "error", status: 400, code: 21211, message: "Invalid 'To' Phone Number" });
    expect(await sendWithRetries(deps(), row.id)).toEqual({ outcome: "falhou" });
    expect(await getMensagemById(h.t.db, row.id)).toMatchObject({ status: "falhou", erroCodigo: "21211" });
    expect(creates(row.corpo)).toBe(1);
    expect(h.clock.sleeps).toEqual([]);
  });
});
