import { describe, expect, it } from "vitest";
import { duracaoTexto } from "./compose-resumo-semanal";
import { templateWriter, type ResumoSemanalInput } from "./templates";

const SP = "America/Sao_Paulo";
const semana = { desde: new Date("2026-11-16T03:00:00Z"), ate: new Date("2026-11-23T03:00:00Z") };
const input = (
  over: Partial<ResumoSemanalInput["desempenho"]> = {},
  demanda?: ResumoSemanalInput["demanda"],
): ResumoSemanalInput => ({
  semana,
  timezone: SP,
  remetente: { corretorId: "cor_ana", corretorNome: "Ana Lima", imobiliariaNome: "Imobiliária Centro" },
  desempenho: {
    recebidos: 5,
    contatados: 4,
    percentualContatados: 80,
    medianaPrimeiraRespostaMin: 85,
    respostasMedidas: 4,
    visitasSolicitadas: 1,
    porStatus: [
      { status: "novo", leads: 1 },
      { status: "em_contato", leads: 2 },
      { status: "visita_agendada", leads: 1 },
      { status: "perdido", leads: 1 },
    ],
    ...over,
  },
  demanda: demanda ?? {
    bairros: [
      { nome: "Pinheiros", leads: 3 },
      { nome: "Moema", leads: 1 },
    ],
    tipos: [{ nome: "apartamento", leads: 3 }],
    faixasPreco: [{ nome: "R$ 500 mil a 1 mi", leads: 2 }],
  },
});

describe("resumoSemanal", () => {
  it("shows the week's performance and what the leads asked for, in pt-BR", () => {
    const m = templateWriter.resumoSemanal(input());
    expect(m.corpo.split("\n")).toEqual([
      "📈 *Resumo da semana 16/11 a 22/11*",
      "Leads recebidos: 5",
      "Contatados: 4 (80%)",
      "Tempo até o 1º contato: 1h25 (mediana de 4 leads)",
      "Visitas solicitadas: 1",
      "",
      "*Leads por status:* Novo 1 · Em contato 2 · Visita agendada 1 · Perdido 1",
      "",
      "*O que seus leads procuram:*",
      "• Bairros: Pinheiros (3), Moema (1)",
      "• Tipos: apartamento (3)",
      "• Faixa de preço: R$ 500 mil a 1 mi (2)",
    ]);
    expect(m.templateVariaveis).toEqual({ "1": "16/11 a 22/11", "2": "5", "3": "80%", "4": "1h25" });
  });

  it("says when no first contact was recorded and leaves out empty demand lines", () => {
    const m = templateWriter.resumoSemanal(
      input(
        {
          contatados: 0,
          percentualContatados: 0,
          medianaPrimeiraRespostaMin: null,
          respostasMedidas: 0,
          porStatus: [{ status: "novo", leads: 5 }],
        },
        { bairros: [], tipos: [{ nome: "casa", leads: 2 }], faixasPreco: [] },
      ),
    );
    expect(m.corpo).toContain("Tempo até o 1º contato: sem registro (toque em *Já contatei* nos alertas)");
    expect(m.corpo).toContain("• Tipos: casa (2)");
    expect(m.corpo).not.toMatch(/Bairros|Faixa de preço/);
  });

  it("masks contact data a lead may have typed where a neighbourhood was expected", () => {
    const m = templateWriter.resumoSemanal(
      input({}, { bairros: [{ nome: "ligue 11 98765-4321", leads: 1 }], tipos: [], faixasPreco: [] }),
    );
    expect(m.corpo).not.toContain("98765-4321");
  });

  it("writes durations as a broker would say them", () => {
    expect([5, 60, 85, 24 * 60, 27 * 60 + 10, 47 * 60 + 50, 3 * 24 * 60].map(duracaoTexto)).toEqual([
      "5 min",
      "1h",
      "1h25",
      "1 dia",
      "1 dia e 3h",
      "2 dias",
      "3 dias",
    ]);
  });
});
