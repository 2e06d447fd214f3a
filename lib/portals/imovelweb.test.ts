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
        codigo: "AP0199", portalListingId: "2984412",
        titulo: null, tipo: null, preco: null, bairro: null, cidade: null, uf: null,
      },
    });
  });

  it("an unknown Navent type is not an error", () => {
    expect(parseImovelweb({ ...fixture, type: "OUTRO" }).leadType).toBeNull();
  });

  it("accepts a numeric idAviso and a missing aviso", () => {
    expect(parseImovelweb({ ...fixture, aviso: { idAviso: 2984412 } }).listing).toMatchObject({
      portalListingId: "2984412", codigo: null,
    });
    expect(parseImovelweb({ ...fixture, aviso: undefined }).listing.portalListingId).toBeNull();
  });

  it("requires contacto and names it when missing", () => {
    const { contacto: _, ...rest } = fixture;
    expect(zodIssues(() => parseImovelweb(rest))[0]?.path).toBe("contacto");
  });

  it("no phone and no e-mail → issue on telefone", () => {
    const lead = { ...fixture, contacto: { ...fixture.contacto, telefono: "", email: null } };
    expect(zodIssues(() => parseImovelweb(lead))).toEqual([
      { path: "telefone", message: "Informe telefone ou e-mail do lead" },
    ]);
  });

  it("wrong types name the nested field", () => {
    const lead = { ...fixture, contacto: { ...fixture.contacto, nombre: ["Carlos"] } };
    expect(zodIssues(() => parseImovelweb(lead))[0]?.path).toBe("contacto.nombre");
  });
});
