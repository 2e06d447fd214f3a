import { describe, expect, it } from "vitest";
import chavesNaMao from "@/lib/portals/fixtures/chaves-na-mao-lead.json";
import contactForm from "@/lib/portals/fixtures/grupo-olx-lead-contact-form.json";
import whatsappClick from "@/lib/portals/fixtures/grupo-olx-lead-whatsapp-click.json";
import imovelweb from "@/lib/portals/fixtures/imovelweb-contacto.json";
import { parsePortalPayload } from "@/lib/portals";
import { EMPTY_LISTING, type NormalizedLead } from "@/lib/portals/normalized-lead";
import { extractBusca, type ListingFacts } from "./extract-busca";

function lead(mensagem: string | null, overrides: Partial<NormalizedLead> = {}): NormalizedLead {
  return {
    portal: "generico",
    origem: "site",
    externalId: "1",
    createdAt: null,
    nome: "Ana",
    telefone: null,
    phone: null,
    email: "ana@example.com",
    mensagem,
    leadType: null,
    temperatura: null,
    finalidade: null,
    listing: EMPTY_LISTING,
    ...overrides,
  };
}

const imovel: ListingFacts = {
  tipo: "Apartamento",
  finalidade: "venda",
  bairro: "Pinheiros",
  cidade: "São Paulo",
  uf: "SP",
  preco: 800_000,
  quartos: 2,
};

describe("extractBusca from the listing", () => {
  it("takes everything from our listing row, with a ±15 % price band", () => {
    expect(extractBusca(lead(null), imovel)).toEqual({
      tipo: "apartamento",
      finalidade: "venda",
      bairro: "Pinheiros",
      cidade: "São Paulo",
      uf: "SP",
      precoMin: 680_000,
      precoMax: 920_000,
      quartos: 2,
    });
  });

  it("the listing wins over the message; the message fills the gaps", () => {
    const busca = extractBusca(lead("Procuro casa para alugar com 3 quartos até 5 mil"), { ...imovel, quartos: null });
    expect(busca).toMatchObject({ tipo: "apartamento", finalidade: "venda", precoMin: 680_000, quartos: 3 });
  });

  it("uses the portal's listing data when we have no row (Chaves na Mão)", () => {
    expect(extractBusca(parsePortalPayload("chaves-na-mao", chavesNaMao))).toEqual({
      tipo: "casa",
      finalidade: "venda",
      bairro: "Funcionários",
      cidade: "Belo Horizonte",
      uf: "MG",
      quartos: 3,
      precoMin: 1_062_500,
      precoMax: 1_437_500,
    });
  });

  it("accepts a custom band", () => {
    expect(extractBusca(lead(null), imovel, { faixaPreco: 0.1 })).toMatchObject({
      precoMin: 720_000,
      precoMax: 880_000,
    });
  });
});

describe("extractBusca from the message", () => {
  it("Grupo OLX fixtures: type from the message, finalidade from the transaction", () => {
    expect(extractBusca(parsePortalPayload("grupo-olx", contactForm))).toEqual({
      tipo: "apartamento",
      finalidade: "venda",
    });
    expect(extractBusca(parsePortalPayload("grupo-olx", whatsappClick))).toEqual({ finalidade: "aluguel" });
  });

  it("finds a known neighbourhood in the message (Imovelweb fixture)", () => {
    const l = parsePortalPayload("imovelweb", imovelweb);
    expect(extractBusca(l, null, { bairrosConhecidos: ["Tijuca", "Barra da Tijuca", "Copacabana"] })).toEqual({
      tipo: "apartamento",
      bairro: "Tijuca",
    });
    expect(
      extractBusca(lead("Algo na barra da tijuca"), null, { bairrosConhecidos: ["Tijuca", "Barra da Tijuca"] }).bairro,
    ).toBe("Barra da Tijuca");
  });

  it.each([
    ["Quero um apê de 3 quartos até 500 mil", { tipo: "apartamento", quartos: 3, precoMax: 500_000 }],
    [
      "Busco casa para alugar, 2 ou 3 dormitórios, R$ 3.500",
      { tipo: "casa", finalidade: "aluguel", quartos: 2, precoMin: 2_975, precoMax: 4_025 },
    ],
    ["Cobertura com dois quartos a partir de 1 milhão", { tipo: "cobertura", quartos: 2, precoMin: 1_000_000 }],
    ["Quero comprar uma sala comercial com FGTS", { tipo: "sala comercial", finalidade: "venda" }],
    [
      "Aluguel de kitnet entre 1.200 e 1.500 reais",
      { tipo: "kitnet", finalidade: "aluguel", precoMin: 1_200, precoMax: 1_500 },
    ],
  ])("%j", (mensagem, expected) => {
    expect(extractBusca(lead(mensagem))).toEqual(expected);
  });

  it("stays silent when the message is ambiguous or empty", () => {
    expect(extractBusca(lead("Quero comprar ou alugar"))).toEqual({});
    expect(extractBusca(lead("Estou no programa Minha Casa Minha Vida"))).toEqual({});
    expect(extractBusca(lead(null))).toEqual({});
  });

  it("keeps an unknown listing type as written, lower-cased", () => {
    expect(extractBusca(lead(null), { tipo: "Haras" }).tipo).toBe("haras");
  });
});
