// 63016 (outside WhatsApp's 24-hour window) → one re-send as a Content template, whether Twilio
// refuses at once or accepts and fails later. Twilio is replaced at the HTTP boundary by a local
// fake server (lib/whatsapp/testing); every create is counted from the fake's log. The broker
// wrote us a moment ago, so by our record the window is open and the first try is free text.
import { beforeEach, describe, expect, it } from "vitest";
import { recordMensagemRecebida } from "@/lib/db/queries/corretores-whatsapp";
import { getMensagemById } from "@/lib/db/queries/mensagens";
import { applyStatusCallback } from "../inbound/apply-status-callback";
import { sendMensagem, type SendMensagemDeps } from "./send-mensagem";
import { newPendente, registerSendHarness, sendWithRetries, twilioClientFor } from "./testing/send-fixtures";

const h = registerSendHarness();
const FORA_DA_JANELA = "HX" + "f".repeat(32);
beforeEach(() => recordMensagemRecebida(h.t.db, h.broker.corretorId, h.clock.now()));

const deps = (over: Partial<SendMensagemDeps> = {}) => ({
  db: h.t.db,
  whatsapp: twilioClientFor(h.fake),
  now: h.clock.now,
  sleep: h.clock.sleep,
  templates: { alerta: { foraDaJanela: FORA_DA_JANELA } },
  ...over,
});
const pendente = (over: Parameters<typeof newPendente>[2] = {}) =>
  newPendente(h.t.db, h.broker, { criadoEm: h.clock.now(), ...over });
const refused = { kind: "error", status: 400, code: 63016, message: "Outside the allowed window" } as const;

describe("63016 refused at once", () => {
  it("re-sends at once as the agency template, with the body flattened into its variable", async () => {
    const row = await pendente({ corpo: "🔥 Novo lead: Mariana\n\nScore 82   (quente)" });
    h.fake.scriptCreates(refused);
    expect(await sendMensagem(deps(), row.id)).toEqual({ outcome: "enviada" });
    expect(h.fake.creates.map((c) => [c.body, c.contentSid])).toEqual([
      [row.corpo, null],
      [null, FORA_DA_JANELA],
    ]);
    expect(JSON.parse(h.fake.creates[1]!.contentVariables!)).toEqual({
      "1": "🔥 Novo lead: Mariana · Score 82 (quente)",
    });
    expect(h.fake.messages).toHaveLength(1);
    expect(await getMensagemById(h.t.db, row.id)).toMatchObject({
      status: "enviada",
      providerSid: h.fake.messages[0]!.sid,
      templateSid: FORA_DA_JANELA,
      erroCodigo: "63016",
      tentativas: 1,
    });
  });

  it("prefers the row's own template and variables", async () => {
    const row = await pendente({
      templateSid: "HX" + "1".repeat(32),
      templateVariaveis: { "1": "Mariana", "2": "82" },
    });
    h.fake.scriptCreates(refused);
    await sendMensagem(deps(), row.id);
    expect(h.fake.creates[1]).toMatchObject({ contentSid: "HX" + "1".repeat(32), body: null });
    expect(JSON.parse(h.fake.creates[1]!.contentVariables!)).toEqual({ "1": "Mariana", "2": "82" });
  });

  it("fails without a template to fall back on", async () => {
    const row = await pendente();
    h.fake.scriptCreates(refused);
    expect(await sendMensagem(deps({ templates: {} }), row.id)).toEqual({ outcome: "falhou" });
    const saved = await getMensagemById(h.t.db, row.id);
    expect(saved).toMatchObject({ status: "falhou", erroCodigo: "63016" });
    expect(saved?.erroMensagem).toContain("sem template configurado");
    expect(h.fake.creates).toHaveLength(1);
  });

  it("fails when the template is refused too, after exactly two creates", async () => {
    const row = await pendente();
    h.fake.scriptCreates(refused, refused);
    expect(await sendWithRetries(deps(), row.id)).toEqual({ outcome: "falhou" });
    expect(h.fake.creates).toHaveLength(2);
  });

  it("stays a template send across a throttled retry", async () => {
    const row = await pendente();
    h.fake.scriptCreates(refused, { kind: "error", status: 429, code: 20429 });
    expect(await sendWithRetries(deps(), row.id)).toEqual({ outcome: "enviada" });
    expect(h.fake.creates.map((c) => c.contentSid)).toEqual([null, FORA_DA_JANELA, FORA_DA_JANELA]);
    expect(h.fake.messages).toHaveLength(1);
  });
});

describe("63016 reported later by the status callback", () => {
  it("re-queues one template send; a repeated callback changes nothing; a failing template is final", async () => {
    const row = await pendente();
    h.fake.scriptCreates({ kind: "accept_then_fail", errorCode: 63016 });
    expect(await sendMensagem(deps(), row.id)).toEqual({ outcome: "enviada" });
    const failed = h.fake.statusCallbackParams(h.fake.messages[0]!.sid);
    expect(failed).toMatchObject({ MessageStatus: "failed", ErrorCode: "63016" });

    const cb = { db: h.t.db, now: h.clock.now };
    expect(await applyStatusCallback(cb, failed)).toEqual({
      outcome: "reenfileirada",
      mensagemId: row.id,
      retryInMs: 0,
    });
    expect(await applyStatusCallback(cb, failed)).toMatchObject({ outcome: "ignorada" });
    expect(await getMensagemById(h.t.db, row.id)).toMatchObject({ status: "pendente", erroCodigo: "63016" });

    h.fake.scriptCreates({ kind: "accept_then_fail", errorCode: 63016 });
    expect(await sendMensagem(deps(), row.id)).toEqual({ outcome: "enviada" });
    expect(await sendMensagem(deps(), row.id)).toEqual({ outcome: "ja_processada" });
    expect(h.fake.creates.map((c) => c.contentSid)).toEqual([null, FORA_DA_JANELA]);

    // The first message's callback, delivered again after the re-send, no longer matches the row.
    expect(await applyStatusCallback(cb, failed)).toEqual({ outcome: "desconhecida" });
    // The template's own 63016 ends it: once means once.
    const templateFailed = h.fake.statusCallbackParams(h.fake.messages[1]!.sid);
    expect(await applyStatusCallback(cb, templateFailed)).toMatchObject({ outcome: "falhou" });
    expect(await getMensagemById(h.t.db, row.id)).toMatchObject({ status: "falhou", erroCodigo: "63016" });
    expect(await sendMensagem(deps(), row.id)).toEqual({ outcome: "ja_processada" });
    expect(h.fake.creates).toHaveLength(2);
  });
});
