// What a message becomes as a Twilio Content send: which sid (agency before env, field by field)
// and which ContentVariables. Pure functions, no network (the send tests use the local fake Twilio).
import { describe, expect, it } from "vitest";
import {
  businessTemplateVariables,
  contentFor,
  fitQuickReplyBody,
  QUICK_REPLY_BODY_MAX,
  quickReplyVariables,
  resolveContentSid,
  templateVariablesFromBody,
  type ContentMessage,
} from "./content-templates";

const sid = (c: string) => `HX${c.repeat(32)}`;
const botoes = [
  { id: "ja_contatei:lead_1", titulo: "Já contatei" },
  { id: "passar:lead_1", titulo: "Passar adiante" },
  { id: "lembrar:lead_1", titulo: "Lembrar em 1h" },
];
const alerta: ContentMessage = {
  tipo: "alerta",
  corpo: "🔥 *Novo lead: Mariana*\nPortal: ZAP Imóveis\n\n👉 Responder agora: https://wa.me/5511987654321",
  botoes,
  templateVariaveis: {
    "1": "Mariana",
    "2": "ZAP Imóveis",
    "3": "Apto 2 quartos",
    "4": "82",
    "5": "https://wa.me/5511987654321",
  },
};

describe("resolveContentSid", () => {
  const env = { alerta: { foraDaJanela: sid("a"), comBotoes: sid("b") }, resumo: { foraDaJanela: sid("c") } };

  it("takes the agency's sid first and the env's for whatever the agency left out", () => {
    const imobiliaria = { alerta: { comBotoes: sid("d") } };
    expect(resolveContentSid("alerta", "comBotoes", { imobiliaria, env })).toBe(sid("d"));
    expect(resolveContentSid("alerta", "foraDaJanela", { imobiliaria, env })).toBe(sid("a"));
    expect(resolveContentSid("resumo", "foraDaJanela", { imobiliaria, env })).toBe(sid("c"));
  });

  it("is null for a kind nobody configured", () => {
    expect(resolveContentSid("agrupada", "foraDaJanela", { env })).toBeNull();
    expect(resolveContentSid("alerta", "comBotoes", {})).toBeNull();
  });
});

describe("variables", () => {
  it("quick reply: the message text as it reads, then each button id in order", () => {
    expect(quickReplyVariables(alerta)).toEqual({
      "1": alerta.corpo,
      "2": "ja_contatei:lead_1",
      "3": "passar:lead_1",
      "4": "lembrar:lead_1",
    });
  });

  it("business template: the kind's composed variables, then the button ids after the last one", () => {
    expect(businessTemplateVariables(alerta)).toEqual({
      ...alerta.templateVariaveis,
      "6": "ja_contatei:lead_1",
      "7": "passar:lead_1",
      "8": "lembrar:lead_1",
    });
  });

  it("business template without composed variables: the body flattened into {{1}}", () => {
    const resposta: ContentMessage = {
      tipo: "resposta",
      corpo: "Anotado!\n\nMariana está em contato.",
      botoes: [],
      templateVariaveis: null,
    };
    expect(businessTemplateVariables(resposta)).toEqual({ "1": "Anotado! · Mariana está em contato." });
  });

  it("flattens a body into one template variable WhatsApp accepts", () => {
    expect(templateVariablesFromBody("A\n\n  B\tC    D ")).toEqual({ "1": "A · B C D" });
    const long = templateVariablesFromBody("x".repeat(2000))["1"]!;
    expect(long).toHaveLength(900);
    expect(long.endsWith("…")).toBe(true);
  });
});

describe("fitQuickReplyBody", () => {
  it("keeps a short body untouched", () => {
    expect(fitQuickReplyBody(alerta.corpo)).toBe(alerta.corpo);
  });

  it("cuts a long body before its last paragraph, so the reply link survives", () => {
    const link = "👉 Responder agora: https://wa.me/5511987654321?text=" + "Ol%C3%A1".repeat(40);
    const corpo = [
      "🔥 *Novo lead: Mariana*",
      ...Array.from({ length: 30 }, (_, i) => `• fator ${i} ${"x".repeat(40)}`),
      "",
      link,
    ].join("\n");
    const fitted = fitQuickReplyBody(corpo);
    expect(fitted.length).toBeLessThanOrEqual(QUICK_REPLY_BODY_MAX);
    expect(fitted.startsWith("🔥 *Novo lead: Mariana*\n")).toBe(true);
    expect(fitted.endsWith(`\n…\n\n${link}`)).toBe(true);
  });
});

describe("contentFor", () => {
  const env = { alerta: { foraDaJanela: sid("a"), comBotoes: sid("b") }, agrupada: { comBotoes: sid("e") } };

  it("gives the quick-reply send only to a message that has buttons", () => {
    expect(contentFor(alerta, "comBotoes", { env })).toEqual({
      contentSid: sid("b"),
      contentVariables: quickReplyVariables(alerta),
    });
    expect(contentFor({ ...alerta, tipo: "agrupada", botoes: [] }, "comBotoes", { env })).toBeNull();
  });

  it("gives the business template its sid and variables, or null without a sid", () => {
    expect(contentFor(alerta, "foraDaJanela", { env })?.contentSid).toBe(sid("a"));
    expect(contentFor({ ...alerta, tipo: "lembrete" }, "foraDaJanela", { env })).toBeNull();
  });
});
