import { describe, expect, it } from "vitest";
import { normalizeCommandText, parseBrokerReply } from "./parse-broker-reply";
import { leadButtons, posVisitaButtons } from "../compose/templates";

describe("parseBrokerReply", () => {
  it("reads every button leadButtons() writes, payload first", () => {
    const [contatei, passar, lembrar] = leadButtons("lead_01ABC");
    expect(parseBrokerReply({ buttonPayload: contatei!.id, buttonText: contatei!.titulo })).toEqual({
      tipo: "lead",
      acao: "ja_contatei",
      leadId: "lead_01ABC",
    });
    expect(parseBrokerReply({ buttonPayload: passar!.id })).toEqual({
      tipo: "lead",
      acao: "passar",
      leadId: "lead_01ABC",
    });
    expect(parseBrokerReply({ buttonPayload: lembrar!.id })).toEqual({
      tipo: "lead",
      acao: "lembrar",
      leadId: "lead_01ABC",
    });
    expect(parseBrokerReply({ buttonPayload: "lead_contacted:lead_9" })).toEqual({
      tipo: "lead",
      acao: "ja_contatei",
      leadId: "lead_9",
    });
  });

  it("reads the answers to 'Como foi a visita?', by payload and by the button's or a typed text", () => {
    const acoes = posVisitaButtons("lead_7").map((b) =>
      parseBrokerReply({ buttonPayload: b.id, buttonText: b.titulo }),
    );
    expect(acoes).toEqual([
      { tipo: "lead", acao: "visita_realizada", leadId: "lead_7" },
      { tipo: "lead", acao: "visita_perdida", leadId: "lead_7" },
      { tipo: "lead", acao: "remarcar", leadId: "lead_7" },
    ]);
    const porTexto = ["Visita realizada", "Não foi / perdido", "não compareceu", "Remarcar visita"].map(
      (body) => (parseBrokerReply({ body }) as { acao?: string }).acao,
    );
    expect(porTexto).toEqual(["visita_realizada", "visita_perdida", "visita_perdida", "remarcar"]);
  });

  it("falls back to the button text (no lead named) when the payload is missing or not ours", () => {
    expect(parseBrokerReply({ buttonText: "Passar adiante" })).toEqual({ tipo: "lead", acao: "passar", leadId: null });
    expect(parseBrokerReply({ buttonPayload: "outra_coisa:1", buttonText: "Lembrar em 1h" })).toEqual({
      tipo: "lead",
      acao: "lembrar",
      leadId: null,
    });
    expect(parseBrokerReply({ buttonPayload: "ja_contatei:lead 1; drop", body: "Já contatei" })).toEqual({
      tipo: "lead",
      acao: "ja_contatei",
      leadId: null,
    });
  });

  it.each([
    ["Já contatei!", { tipo: "lead", acao: "ja_contatei", leadId: null }],
    ["JA CONTATEI", { tipo: "lead", acao: "ja_contatei", leadId: null }],
    ["lembrar em 1 hora", { tipo: "lead", acao: "lembrar", leadId: null }],
    ["Resumo", { tipo: "resumo" }],
    ["  resumo do dia. ", { tipo: "resumo" }],
    ["Retomar", { tipo: "retomar" }],
    ["AJUDA", { tipo: "ajuda" }],
    ["menu", { tipo: "ajuda" }],
    ["pausar", { tipo: "pausar", pausa: { tipo: "ate_amanha" } }],
    ["Pausar até amanhã", { tipo: "pausar", pausa: { tipo: "ate_amanha" } }],
    ["pausar 2h", { tipo: "pausar", pausa: { tipo: "duracao", minutos: 120 } }],
    ["pausar 3 horas", { tipo: "pausar", pausa: { tipo: "duracao", minutos: 180 } }],
    ["pausar 45 min", { tipo: "pausar", pausa: { tipo: "duracao", minutos: 45 } }],
    ["pausar até 14h", { tipo: "pausar", pausa: { tipo: "ate_hora", hora: 14, minuto: 0 } }],
    ["pausar até às 9:30", { tipo: "pausar", pausa: { tipo: "ate_hora", hora: 9, minuto: 30 } }],
    ["pausar 0h", { tipo: "pausar", pausa: null }],
    ["pausar 999h", { tipo: "pausar", pausa: null }],
    ["pausar até 25h", { tipo: "pausar", pausa: null }],
    ["pausar para sempre", { tipo: "pausar", pausa: null }],
    ["Já liguei para a Mariana, visita marcada sábado 10h", { tipo: "desconhecido" }],
    ["resumo e pausar", { tipo: "desconhecido" }],
    ["", { tipo: "desconhecido" }],
  ])("%j → %j", (body, expected) => {
    expect(parseBrokerReply({ body })).toEqual(expected);
  });

  it("normalizes accents, case and punctuation", () => {
    expect(normalizeCommandText("  Pausar   ATÉ Amanhã!! ")).toBe("pausar ate amanha");
  });
});
