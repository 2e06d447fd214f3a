import { describe, expect, it } from "vitest";
import fixture from "./fixtures/imovelweb-contacto.json";
import { zodIssues } from "./fixtures/zod-issues";
import { parseImovelweb } from "./imovelweb";

describe("parseImovelweb", () => {
  it("maps the contact callback fixture", () => {
    expect(parseImovelweb(fixture)).toEqual({
      portal: "imovelweb",
      origem: "imovelweb",
      externalId: "c-5521988776655-20261122",
      createdAt: new Date("2026-11-22T17:03:22.000Z"),
      nome: "Carlos Menezes",
      telefone: "+55 21 98877-6655",
      phone: { e164: "+5521988776655", valid: true, mobile: true, raw: "+55 21 98877-6655" },
      email: "carlos.menezes@example.com",
      mensagem: "Tenho interesse no apartamento da Tijuca. Qual o valor do condomínio?",
      leadType: "CONTACT_FORM",
      temperatura: null,
      finalidade: null,
      listing: {
        codigo: "AP0199",
        portalListingId: "2984412",
        titulo: null,
        tipo: null,
        preco: null,
        bairro: null,
        cidade: null,
        uf: null,
      },
      ajustes: [],
      textoOriginal: {},
    });
  });

  it("an unknown Navent type is not an error", () => {
    expect(parseImovelweb({ ...fixture, type: "OUTRO" }).leadType).toBeNull();
  });

  it("accepts a numeric idAviso and a missing aviso", () => {
    expect(parseImovelweb({ ...fixture, aviso: { idAviso: 2984412 } }).listing).toMatchObject({
      portalListingId: "2984412",
      codigo: null,
    });
    expect(parseImovelweb({ ...fixture, aviso: undefined }).listing.portalListingId).toBeNull();
  });

  it("without contacto there is no way to reach the person: 422 names its fields", () => {
    const { contacto: _, ...rest } = fixture;
    expect(zodIssues(() => parseImovelweb(rest)).map((i) => i.path)).toEqual(["contacto.telefono", "contacto.email"]);
  });

  it("no phone and no e-mail → 422 on contacto.telefono and contacto.email", () => {
    const lead = { ...fixture, contacto: { ...fixture.contacto, telefono: "", email: null } };
    expect(zodIssues(() => parseImovelweb(lead))).toEqual([
      { path: "contacto.telefono", message: "Informe telefone ou e-mail do lead" },
      { path: "contacto.email", message: "Informe telefone ou e-mail do lead" },
    ]);
  });

  it("wrong nested types keep the lead, flagged", () => {
    const lead = parseImovelweb({
      ...fixture,
      contacto: { ...fixture.contacto, nombre: ["Carlos"], telefono: 5521988776655 },
    });
    expect(lead).toMatchObject({ nome: "Lead sem nome", phone: { e164: "+5521988776655" } });
    expect(lead.ajustes).toEqual([
      { campo: "contacto.telefono", acao: "convertido", motivo: "número lido como texto" },
      { campo: "contacto.nombre", acao: "descartado", motivo: "deve ser texto" },
    ]);
  });
});
