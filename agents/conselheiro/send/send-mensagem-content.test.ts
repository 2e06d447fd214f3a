// Content templates per message kind: real quick-reply buttons in session, the kind's business
// template outside the 24-hour window or after 63016, the agency's sids before the env's, and a
// clear final failure when a needed template is missing. Twilio is a local fake server
// (lib/whatsapp/testing/fake-twilio-server.ts): assertions read the form fields it received.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MensagemCard } from "@/components/painel/mensagem-card";
import { insertCorretor } from "@/lib/db/testing/corretores";
import { recordMensagemRecebida } from "@/lib/db/queries/corretores-whatsapp";
import { insertImobiliaria } from "@/lib/db/queries/imobiliarias";
import { getMensagemById, listSendableIds } from "@/lib/db/queries/mensagens";
import type { TwilioTemplates } from "@/lib/domain/twilio-templates";
import { createOutboxClient } from "@/lib/whatsapp/outbox-client";
import { applyStatusCallback } from "../inbound/apply-status-callback";
import { sendMensagem, type SendMensagemDeps } from "./send-mensagem";
import { templateWriter, type LeadLinha } from "../compose/templates";
import {
  BROKER_PHONE,
  newPendente,
  registerSendHarness,
  sendWithRetries,
  twilioClientFor,
} from "./testing/send-fixtures";

const h = registerSendHarness();
const sid = (c: string) => `HX${c.repeat(32)}`;
const ENV: TwilioTemplates = {
  alerta: { foraDaJanela: sid("a"), comBotoes: sid("b") },
  lembrete: { foraDaJanela: sid("c"), comBotoes: sid("d") },
};
const HOUR = 60 * 60_000;
const refused = { kind: "error", status: 400, code: 63016, message: "Outside the allowed window" } as const;

const deps = (over: Partial<SendMensagemDeps> = {}) => ({
  db: h.t.db,
  whatsapp: twilioClientFor(h.fake),
  now: h.clock.now,
  sleep: h.clock.sleep,
  templates: ENV,
  ...over,
});
const wroteUs = (agoMs: number, broker = h.broker) =>
  recordMensagemRecebida(h.t.db, broker.corretorId, new Date(h.clock.now().getTime() - agoMs));

const lead: LeadLinha = {
  id: "lead_01TESTE",
  nome: "Mariana Souza",
  origem: "zap",
  score: 82,
  telefone: "+5511987654321",
};
const remetente = { corretorId: "cor_paulo", corretorNome: "Paulo Corretor", imobiliariaNome: "Imobiliária Centro" };
const composedAlerta = () =>
  templateWriter.novoLead({
    tipo: "novo_lead",
    lead,
    fatores: [{ points: 30, explicacao: "Pediu visita" }],
    imovel: null,
    mensagem: null,
    remetente,
  });
const composedLembrete = () =>
  templateWriter.lembrete({
    lead,
    imovel: null,
    recebidoEm: new Date(h.clock.now().getTime() - HOUR),
    timezone: "America/Sao_Paulo",
    remetente,
  });
const alerta = (broker = h.broker) =>
  newPendente(h.t.db, broker, { tipo: "alerta", ...composedAlerta(), criadoEm: h.clock.now() });
const variablesOf = (i: number) => JSON.parse(h.fake.creates[i]!.contentVariables!) as Record<string, string>;
const BUTTON_IDS = [`ja_contatei:${lead.id}`, `passar:${lead.id}`, `lembrar:${lead.id}`];

describe("inside the 24-hour window", () => {
  it("a message with buttons goes as the kind's quick-reply: ContentSid + ContentVariables, no Body", async () => {
    await wroteUs(2 * HOUR);
    const row = await alerta();
    expect(await sendMensagem(deps(), row.id)).toEqual({ outcome: "enviada" });
    expect(h.fake.creates).toHaveLength(1);
    expect(h.fake.creates[0]).toMatchObject({ to: `whatsapp:${BROKER_PHONE}`, contentSid: sid("b"), body: null });
    expect(variablesOf(0)).toEqual({ "1": row.corpo, "2": BUTTON_IDS[0], "3": BUTTON_IDS[1], "4": BUTTON_IDS[2] });
    // A quick reply is a session message: a later 63016 still gets its one template re-send.
    expect(await getMensagemById(h.t.db, row.id)).toMatchObject({
      status: "enviada",
      erroCodigo: null,
      templateSid: null,
    });
  });

  it("without a quick-reply sid the same message goes as free text", async () => {
    await wroteUs(2 * HOUR);
    const row = await alerta();
    await sendMensagem(deps({ templates: { alerta: { foraDaJanela: sid("a") } } }), row.id);
    expect(h.fake.creates[0]).toMatchObject({ body: row.corpo, contentSid: null, contentVariables: null });
  });

  it("63016 on the quick-reply → one re-send with the kind's template sid (lembrete's, not alerta's)", async () => {
    await wroteUs(HOUR);
    const row = await newPendente(h.t.db, h.broker, {
      tipo: "lembrete",
      ...composedLembrete(),
      criadoEm: h.clock.now(),
    });
    h.fake.scriptCreates(refused);
    expect(await sendMensagem(deps(), row.id)).toEqual({ outcome: "enviada" });
    expect(h.fake.creates.map((c) => [c.contentSid, c.body])).toEqual([
      [sid("d"), null],
      [sid("c"), null],
    ]);
    expect(variablesOf(1)).toEqual({
      ...row.templateVariaveis,
      "5": BUTTON_IDS[0],
      "6": BUTTON_IDS[1],
      "7": BUTTON_IDS[2],
    });
    expect(h.fake.messages).toHaveLength(1);
    expect(await getMensagemById(h.t.db, row.id)).toMatchObject({
      status: "enviada",
      erroCodigo: "63016",
      templateSid: sid("c"),
    });
  });
});

describe("outside the 24-hour window", () => {
  it("the first create is already the kind's template, with its composed variables and the button ids", async () => {
    await wroteUs(30 * HOUR);
    const row = await alerta();
    expect(await sendMensagem(deps(), row.id)).toEqual({ outcome: "enviada" });
    expect(h.fake.creates).toHaveLength(1);
    expect(h.fake.creates[0]).toMatchObject({ contentSid: sid("a"), body: null });
    expect(variablesOf(0)).toEqual({
      ...row.templateVariaveis,
      "6": BUTTON_IDS[0],
      "7": BUTTON_IDS[1],
      "8": BUTTON_IDS[2],
    });
    expect(row.templateVariaveis?.["1"]).toBe("Mariana Souza");
  });

  it("the agency's settings win over env, field by field", async () => {
    const imobiliaria = await insertImobiliaria(h.t.db, {
      slug: `conteudo-${Date.now()}`,
      nome: "Conteúdo",
      configuracoes: { twilioTemplates: { alerta: { foraDaJanela: sid("e") } } },
    });
    const corretor = await insertCorretor(h.t.db, {
      imobiliariaId: imobiliaria.id,
      nome: "Rita",
      telefone: BROKER_PHONE,
    });
    const broker = { imobiliariaId: imobiliaria.id, corretorId: corretor.id };
    await sendMensagem(deps(), (await alerta(broker)).id);
    await wroteUs(HOUR, broker);
    await sendMensagem(deps(), (await alerta(broker)).id);
    // Outside: the agency's template; inside: the env's quick-reply, which the agency left unset.
    expect(h.fake.creates.map((c) => c.contentSid)).toEqual([sid("e"), sid("b")]);
  });
});

describe("no template for the kind", () => {
  it("63016 with nothing to fall back on: falhou with a reason the dashboard shows, and no more attempts", async () => {
    await wroteUs(48 * HOUR); // outside by our record, yet without a template the free text gets its try
    const row = await alerta();
    h.fake.scriptCreates(refused);
    expect(await sendWithRetries(deps({ templates: {} }), row.id)).toEqual({ outcome: "falhou" });
    expect(h.fake.creates).toHaveLength(1);
    const saved = await getMensagemById(h.t.db, row.id);
    expect(saved).toMatchObject({ status: "falhou", erroCodigo: "63016" });
    expect(saved?.erroMensagem).toMatch(/sem template configurado para "Alerta de lead".*TWILIO_CONTENT_SID_ALERTA/);
    expect(await sendMensagem(deps(), row.id)).toEqual({ outcome: "ja_processada" });
    expect((await listSendableIds(h.t.db, h.clock.now())).map((m) => m.id)).not.toContain(row.id);
    expect(h.fake.creates).toHaveLength(1);

    const card = renderToStaticMarkup(
      createElement(MensagemCard, { mensagem: saved!, corretorNome: "Paulo", timezone: "America/Sao_Paulo" }),
    );
    expect(card).toContain("Erro 63016: Fora da janela de 24 h do WhatsApp e sem template configurado");
  });

  it("a late 63016 (status callback) re-queues once, then fails without another create", async () => {
    await wroteUs(HOUR);
    const row = await alerta();
    h.fake.scriptCreates({ kind: "accept_then_fail", errorCode: 63016 });
    const none = deps({ templates: { alerta: { comBotoes: sid("b") } } });
    expect(await sendMensagem(none, row.id)).toEqual({ outcome: "enviada" });
    const callback = h.fake.statusCallbackParams(h.fake.messages[0]!.sid);
    expect(await applyStatusCallback({ db: h.t.db, now: h.clock.now }, callback)).toMatchObject({
      outcome: "reenfileirada",
    });
    expect(await sendWithRetries(none, row.id)).toEqual({ outcome: "falhou" });
    expect(h.fake.creates).toHaveLength(1);
    expect((await getMensagemById(h.t.db, row.id))?.erroMensagem).toContain("TWILIO_CONTENT_SID_ALERTA");
  });
});

describe("without Twilio keys (outbox)", () => {
  it("nothing changes: the row keeps its buttons for the dashboard, and no template is needed", async () => {
    const row = await alerta();
    expect(await sendMensagem(deps({ whatsapp: createOutboxClient(), templates: {} }), row.id)).toEqual({
      outcome: "outbox",
    });
    expect(await getMensagemById(h.t.db, row.id)).toMatchObject({
      status: "outbox",
      templateSid: null,
      botoes: BUTTON_IDS.map((id) => expect.objectContaining({ id })),
    });
    expect(h.fake.creates).toHaveLength(0);
  });
});
