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
    codigo: "AP0142", tipo: "Apartamento", finalidade: "venda", preco: 850000,
    bairro: "Pinheiros", cidade: "São Paulo", uf: "SP",
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
        codigo: "AP0142", portalListingId: null, titulo: null, tipo: "Apartamento", preco: 850000,
        bairro: "Pinheiros", cidade: "São Paulo", uf: "SP",
      },
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

  it("is strict where the agency's developer can fix it", () => {
    expect(zodIssues(() => parseGenerico({ ...example, email: "ana@" })).map((i) => i.path)).toEqual(["email"]);
    expect(zodIssues(() => parseGenerico({ ...example, tipoLead: "visit" }))[0]?.path).toBe("tipoLead");
    expect(zodIssues(() => parseGenerico({ ...example, origem: "meu site!" }))[0]?.path).toBe("origem");
    expect(zodIssues(() => parseGenerico({ ...example, imovel: { finalidade: "temporada" } }))[0]?.path).toBe(
      "imovel.finalidade",
    );
    expect(zodIssues(() => parseGenerico({ ...example, imovel: { uf: "São Paulo" } }))[0]?.path).toBe("imovel.uf");
  });

  it("requires id and nome", () => {
    const issues = zodIssues(() => parseGenerico({ telefone: "11987654321" })).map((i) => i.path);
    expect(issues).toEqual(["id", "nome"]);
    expect(zodIssues(() => parseGenerico({ ...example, nome: "   " }))[0]?.path).toBe("nome");
  });

  it("no phone and no e-mail → issue on telefone", () => {
    expect(zodIssues(() => parseGenerico({ id: "1", nome: "Ana" }))).toEqual([
      { path: "telefone", message: "Informe telefone ou e-mail do lead" },
    ]);
  });

  it("wrong types name the field", () => {
    expect(zodIssues(() => parseGenerico({ ...example, telefone: 11987654321 }))[0]?.path).toBe("telefone");
    expect(zodIssues(() => parseGenerico({ ...example, imovel: { preco: "850 mil" } }))[0]?.path).toBe("imovel.preco");
  });

  it("caps sizes so a stranger cannot push junk", () => {
    expect(zodIssues(() => parseGenerico({ ...example, mensagem: "x".repeat(5001) }))).toEqual([
      { path: "mensagem", message: "no máximo 5000 caracteres" },
    ]);
    expect(zodIssues(() => parseGenerico({ ...example, id: "x".repeat(101) }))[0]?.path).toBe("id");
  });
});
