import { describe, expect, it } from "vitest";
import { parseConfiguracoes, preferenciasDeNovoCorretor } from "./configuracoes-imobiliaria";
import { parsePreferencias } from "./preferencias";

describe("agency settings", () => {
  it("a row written before the newer settings reads with their defaults", () => {
    expect(parseConfiguracoes({ roteamento: "fixo" })).toMatchObject({
      roteamento: "fixo",
      agrupamentoPadrao: { janelaMinutos: 30, tamanhoMaximo: 5 },
      resumoDiarioHora: null,
      resumoSemanalHora: null,
    });
  });

  it("a new broker starts with the agency's grouping defaults", () => {
    const config = parseConfiguracoes({ agrupamentoPadrao: { janelaMinutos: 45, tamanhoMaximo: 8 } });
    expect(parsePreferencias(preferenciasDeNovoCorretor(config)).agrupamento).toEqual({
      janelaMinutos: 45,
      tamanhoMaximo: 8,
    });
  });
});
