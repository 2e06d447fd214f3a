import { describe, expect, it } from "vitest";
import { parseChavesNaMao } from "./chaves-na-mao";
import fixture from "./fixtures/chaves-na-mao-lead.json";
import { zodIssues } from "./fixtures/zod-issues";

describe("parseChavesNaMao", () => {
  it("maps the fixture, reading createdAt as São Paulo time", () => {
    expect(parseChavesNaMao(fixture)).toEqual({
      portal: "chaves-na-mao",
      origem: "chavesnamao",
      externalId: "8812734",
      createdAt: new Date("2026-11-22T12:31:12.000Z"),
      nome: "Beatriz Fernandes",
      telefone: "(31) 99123-4567",
      phone: { e164: "+5531991234567", valid: true, mobile: true, raw: "(31) 99123-4567" },
      email: "beatriz.f@example.com",
      mensagem: "Gostaria de mais informações sobre a casa no bairro Funcionários.",
      leadType: null,
      temperatura: null,
      finalidade: "venda",
      listing: {
        codigo: "CA0311",
        portalListingId: "441902",
        titulo: "Casa 3 quartos Funcionários",
        tipo: "Casa",
        preco: 1250000,
        bairro: "Funcionários",
        cidade: "Belo Horizonte",
        uf: "MG",
      },
    });
  });

  it("reads Aluguel and accepts a lead without an ad", () => {
    expect(parseChavesNaMao({ ...fixture, ad: { ...fixture.ad, purpose: "Aluguel" } }).finalidade).toBe("aluguel");
    const lead = parseChavesNaMao({ ...fixture, ad: null });
    expect(lead.listing.codigo).toBeNull();
    expect(lead.finalidade).toBeNull();
  });

  it("accepts a string id and drops an unreadable state", () => {
    const lead = parseChavesNaMao({ ...fixture, id: "abc-1", ad: { ...fixture.ad, state: "Minas Gerais" } });
    expect(lead.externalId).toBe("abc-1");
    expect(lead.listing.uf).toBeNull();
  });

  it("an e-mail alone is enough; an empty e-mail is null", () => {
    expect(parseChavesNaMao({ ...fixture, phone: "" }).phone).toBeNull();
    expect(parseChavesNaMao({ ...fixture, email: "" }).email).toBeNull();
  });

  it("no phone and no e-mail → issue on telefone", () => {
    expect(zodIssues(() => parseChavesNaMao({ ...fixture, phone: null, email: "" }))).toEqual([
      { path: "telefone", message: "Informe telefone ou e-mail do lead" },
    ]);
  });

  it("wrong types name the field", () => {
    expect(zodIssues(() => parseChavesNaMao({ ...fixture, id: 1.5 }))[0]?.path).toBe("id");
    expect(zodIssues(() => parseChavesNaMao({ ...fixture, ad: { ...fixture.ad, price: "caro" } }))[0]?.path).toBe(
      "ad.price",
    );
    expect(zodIssues(() => parseChavesNaMao({ ...fixture, ad: "CA0311" }))[0]?.path).toBe("ad");
    expect(zodIssues(() => parseChavesNaMao({ ...fixture, phone: 31991234567 }))[0]?.path).toBe("phone");
  });

  it("rejects an impossible createdAt and a negative price", () => {
    expect(zodIssues(() => parseChavesNaMao({ ...fixture, createdAt: "2026-02-31 10:00:00" }))[0]?.path).toBe(
      "createdAt",
    );
    expect(zodIssues(() => parseChavesNaMao({ ...fixture, ad: { ...fixture.ad, price: -1 } }))[0]?.path).toBe(
      "ad.price",
    );
  });
});
