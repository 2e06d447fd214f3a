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
      ajustes: [],
      textoOriginal: {},
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
    expect(lead.ajustes).toEqual([{ campo: "ad.state", acao: "descartado", motivo: "valor desconhecido" }]);
  });

  it("an e-mail alone is enough; an empty e-mail is null", () => {
    expect(parseChavesNaMao({ ...fixture, phone: "" }).phone).toBeNull();
    expect(parseChavesNaMao({ ...fixture, email: "" }).email).toBeNull();
  });

  it("no phone and no e-mail → 422 on the sender's contact fields", () => {
    expect(zodIssues(() => parseChavesNaMao({ ...fixture, phone: null, email: "" }))).toEqual([
      { path: "phone", message: "Informe telefone ou e-mail do lead" },
      { path: "email", message: "Informe telefone ou e-mail do lead" },
    ]);
  });

  it("wrong types keep the lead: converted or dropped, each flagged", () => {
    const lead = parseChavesNaMao({
      ...fixture,
      id: 1.5,
      phone: 31991234567,
      ad: { ...fixture.ad, price: "caro", reference: true },
    });
    expect(lead).toMatchObject({ externalId: "1.5", phone: { e164: "+5531991234567" } });
    expect(lead.listing).toMatchObject({ preco: null, codigo: null, portalListingId: "441902" });
    expect(lead.ajustes?.map((a) => `${a.campo}:${a.acao}`).sort()).toEqual([
      "ad.price:descartado",
      "ad.reference:descartado",
      "phone:convertido",
    ]);
    expect(parseChavesNaMao({ ...fixture, ad: { ...fixture.ad, price: "850000" } }).listing.preco).toBe(850000);
    const noAd = parseChavesNaMao({ ...fixture, ad: "CA0311" });
    expect(noAd.listing.codigo).toBeNull();
    expect(noAd.ajustes).toEqual([{ campo: "ad", acao: "descartado", motivo: "deve ser objeto" }]);
  });

  it("drops an impossible createdAt and a negative price", () => {
    const lead = parseChavesNaMao({ ...fixture, createdAt: "2026-02-31 10:00:00", ad: { ...fixture.ad, price: -1 } });
    expect(lead.createdAt).toBeNull();
    expect(lead.listing.preco).toBeNull();
    expect(lead.ajustes?.map((a) => a.campo).sort()).toEqual(["ad.price", "createdAt"]);
  });
});
