import { describe, expect, it } from "vitest";
import { zodIssues } from "./fixtures/zod-issues";
import { parseGenerico, type GenericoPayload } from "./generico";

/** The example documented in generico.md. */
const example: GenericoPayload = {
  id: "site-000123",
  origem: "site",
  criadoEm: "2026-11-22T14:03:22-03:00",
  nome: "Ana Paula Rocha",
  telefone: "(11) 98765-4321",
  email: "ana.rocha@example.com",
  mensagem: "Quero agendar uma visita neste fim de semana.",
  tipoLead: "visita",
  imovel: {
    codigo: "AP0142",
    tipo: "Apartamento",
    finalidade: "venda",
    preco: 850000,
    bairro: "Pinheiros",
    cidade: "São Paulo",
    uf: "SP",
  },
};

describe("parseGenerico", () => {
  it("maps the documented example", () => {
    expect(parseGenerico(example)).toEqual({
      portal: "generico",
      origem: "site",
      externalId: "site-000123",
      createdAt: new Date("2026-11-22T17:03:22.000Z"),
      nome: "Ana Paula Rocha",
      telefone: "(11) 98765-4321",
      phone: { e164: "+5511987654321", valid: true, mobile: true, raw: "(11) 98765-4321" },
      email: "ana.rocha@example.com",
      mensagem: "Quero agendar uma visita neste fim de semana.",
      leadType: "VISIT_REQUEST",
      temperatura: null,
      finalidade: "venda",
      listing: {
        codigo: "AP0142",
        portalListingId: null,
        titulo: null,
        tipo: "Apartamento",
        preco: 850000,
        bairro: "Pinheiros",
        cidade: "São Paulo",
        uf: "SP",
      },
      ajustes: [],
      textoOriginal: {},
    });
  });

  it("needs only id, nome and one contact; origem defaults to site", () => {
    const lead = parseGenerico({ id: 7, nome: "Ana", email: "ANA@EXAMPLE.COM" });
    expect(lead).toMatchObject({ externalId: "7", origem: "site", email: "ana@example.com", phone: null });
    expect(lead.createdAt).toBeNull();
    expect(lead.listing.codigo).toBeNull();
  });

  it("accepts the documented minimal example", () => {
    const lead = parseGenerico({ id: "site-000124", nome: "Bruno", telefone: "21 99887-6655" });
    expect(lead).toMatchObject({ externalId: "site-000124", nome: "Bruno", email: null, leadType: null });
    expect(lead.phone?.e164).toBe("+5521998876655");
  });

  it("reads a zone-less criadoEm as São Paulo time and lower-cases origem", () => {
    const lead = parseGenerico({ ...example, criadoEm: "2026-11-22T09:00:00", origem: "Instagram" });
    expect(lead.createdAt?.toISOString()).toBe("2026-11-22T12:00:00.000Z");
    expect(lead.origem).toBe("instagram");
  });

  it("keeps the lead when the developer made a mistake, and flags each one", () => {
    const lead = parseGenerico({
      ...example,
      email: "ana@",
      tipoLead: "visit",
      origem: "meu site!",
      imovel: { finalidade: "temporada", uf: "São Paulo", preco: "850 mil" },
    });
    expect(lead).toMatchObject({ email: null, leadType: null, origem: "meu-site", finalidade: null });
    expect(lead.listing).toMatchObject({ uf: null, preco: null });
    expect(lead.ajustes?.map((a) => `${a.campo}:${a.acao}`).sort()).toEqual([
      "email:descartado",
      "imovel.finalidade:descartado",
      "imovel.preco:descartado",
      "imovel.uf:descartado",
      "origem:convertido",
      "tipoLead:descartado",
    ]);
  });

  it("without id and nome: a generated delivery key and the placeholder name", () => {
    const lead = parseGenerico({ telefone: "11987654321" });
    expect(lead.externalId).toMatch(/^corpo-/);
    expect(lead.nome).toBe("Lead sem nome");
    expect(parseGenerico({ ...example, nome: "   " }).nome).toBe("Lead sem nome");
  });

  it("no phone and no e-mail → 422 on telefone and email", () => {
    expect(zodIssues(() => parseGenerico({ id: "1", nome: "Ana" }))).toEqual([
      { path: "telefone", message: "Informe telefone ou e-mail do lead" },
      { path: "email", message: "Informe telefone ou e-mail do lead" },
    ]);
  });

  it("numbers where text is expected are read as text", () => {
    const lead = parseGenerico({ ...example, telefone: 11987654321 });
    expect(lead.phone?.e164).toBe("+5511987654321");
    expect(lead.ajustes).toEqual([{ campo: "telefone", acao: "convertido", motivo: "número lido como texto" }]);
  });

  it("caps sizes: long text is cut (the whole kept), an over-long id is replaced by the body's digest", () => {
    const lead = parseGenerico({ ...example, mensagem: "x".repeat(5001) });
    expect(lead.mensagem).toHaveLength(5000);
    expect(lead.textoOriginal?.mensagem).toHaveLength(5001);
    const longId = parseGenerico({ ...example, id: "x".repeat(101) });
    expect(longId.externalId).toMatch(/^corpo-/);
    expect(longId.ajustes?.map((a) => `${a.campo}:${a.acao}`)).toEqual(["id:descartado", "id:gerado"]);
  });
});
