import { describe, expect, it } from "vitest";
import { readBudget } from "./read-budget";

describe("readBudget", () => {
  it.each([
    ["Procuro até 500 mil", { min: null, max: 500_000, around: null }],
    ["no máximo R$ 3.500 por mês", { min: null, max: 3_500, around: null }],
    ["a partir de 300 mil", { min: 300_000, max: null, around: null }],
    ["entre 300 e 400 mil", { min: 300_000, max: 400_000, around: null }],
    ["entre R$ 2.000 e R$ 2.800", { min: 2_000, max: 2_800, around: null }],
    ["Tenho R$ 3.500", { min: null, max: null, around: 3_500 }],
    ["R$3.500,00", { min: null, max: null, around: 3_500 }],
    ["uns 1,2 milhão", { min: null, max: null, around: 1_200_000 }],
    ["até 1.5 mi", { min: null, max: 1_500_000, around: null }],
    ["orçamento 500k", { min: null, max: null, around: 500_000 }],
    ["pago 2500 reais", { min: null, max: null, around: 2_500 }],
    ["R$ 1.250.000", { min: null, max: null, around: 1_250_000 }],
  ])("%j", (text, expected) => {
    expect(readBudget(text)).toEqual(expected);
  });

  it.each([
    "3 quartos e 2 vagas",
    "Posso visitar amanhã às 18h?",
    "Código AP0142",
    "Visita dia 22/11/2026",
    "Taxa de R$ 50",
    "500 minha casa",
    "",
  ])("%j has no budget", (text) => {
    expect(readBudget(text)).toEqual({ min: null, max: null, around: null });
  });

  it("null message has no budget", () => {
    expect(readBudget(null)).toEqual({ min: null, max: null, around: null });
  });
});
