import { describe, expect, it } from "vitest";
import { describeLeadEvent, type LeadEventInput } from "./describe-lead-event";

const base: LeadEventInput = {
  nome: "Mariana Souza",
  origem: "vivareal",
  leadType: "CONTACT_FORM",
  mensagem: "Aceita financiamento?",
  score: 62,
  retorno: null,
  imovel: { codigo: "AP0142-LST", titulo: "Apartamento 2 quartos", bairro: "Pinheiros" },
  corretorNome: "Ana Lima",
  telefoneValido: true,
};

describe("describeLeadEvent", () => {
  it("describes a new lead in pt-BR with portal, listing, score and broker", () => {
    const e = describeLeadEvent(base);
    expect(e.tipo).toBe("novo_lead");
    expect(e.urgencia).toBe("media");
    expect(e.titulo).toBe("Novo lead: Mariana Souza (Viva Real)");
    expect(e.descricao).toContain("Apartamento 2 quartos (Pinheiros)");
    expect(e.descricao).toContain("Score 62/100");
    expect(e.descricao).toContain("Responsável: Ana Lima");
  });

  it("a visit request is its own event, urgent whatever the score", () => {
    const e = describeLeadEvent({ ...base, leadType: "VISIT_REQUEST", score: 20 });
    expect(e.tipo).toBe("visita_solicitada");
    expect(e.urgencia).toBe("alta");
  });

  it("a returning person is lead_retorno, counting the inquiries", () => {
    const e = describeLeadEvent({ ...base, retorno: { consultasAnteriores: 1 } });
    expect(e.tipo).toBe("lead_retorno");
    expect(e.titulo).toContain("2ª consulta");
  });

  it("flags an invalid phone and a hot score", () => {
    const e = describeLeadEvent({ ...base, score: 85, telefoneValido: false });
    expect(e.urgencia).toBe("alta");
    expect(e.descricao).toContain("telefone informado parece inválido");
    expect(e.acaoRecomendada).toContain("agora");
  });
});
