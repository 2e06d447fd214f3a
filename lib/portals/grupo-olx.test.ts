import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import contactForm from "./fixtures/grupo-olx-lead-contact-form.json";
import visitRequest from "./fixtures/grupo-olx-lead-visit-request.json";
import whatsappClick from "./fixtures/grupo-olx-lead-whatsapp-click.json";
import { zodIssues } from "./fixtures/zod-issues";
import { parseGrupoOlx } from "./grupo-olx";

describe("parseGrupoOlx: fixtures", () => {
  it("maps the Viva Real contact form", () => {
    expect(parseGrupoOlx(contactForm)).toEqual({
      portal: "grupo-olx",
      origem: "vivareal",
      externalId: "59ee0fc6e4b043e1b2a6d7e1",
      createdAt: new Date("2026-11-20T13:42:07.118Z"),
      nome: "Mariana Souza",
      telefone: "11987654321",
      phone: { e164: "+5511987654321", valid: true, mobile: true, raw: "11987654321" },
      email: "mariana.souza@example.com",
      mensagem: "Olá, tenho interesse neste apartamento. Aceita financiamento? Gostaria de agendar uma visita no sábado.",
      leadType: "CONTACT_FORM",
      temperatura: "Alta",
      finalidade: "venda",
      listing: {
        codigo: "AP0142-LST", portalListingId: "2729412581",
        titulo: null, tipo: null, preco: null, bairro: null, cidade: null, uf: null,
      },
    });
  });

  it("maps the OLX visit request, whose e-mail is empty", () => {
    const lead = parseGrupoOlx(visitRequest);
    expect(lead).toMatchObject({
      origem: "olx",
      externalId: "b7c9f1e2a3d44c5f8e6a7b8c",
      nome: "João Pedro Alves",
      email: null,
      leadType: "VISIT_REQUEST",
      temperatura: "Alta",
      finalidade: "venda",
      mensagem: "Posso visitar amanhã às 18h?",
      listing: { codigo: "AP0142-LST", portalListingId: "1188822334" },
    });
    expect(lead.phone?.e164).toBe("+5511976543210");
    expect(lead.createdAt?.toISOString()).toBe("2026-11-22T10:15:00.000Z");
  });

  it("maps the ZAP WhatsApp click: rent, Média, empty message", () => {
    expect(parseGrupoOlx(whatsappClick)).toMatchObject({
      origem: "zap",
      externalId: "6a1f22b09c1d4e77a0c3e910",
      leadType: "CLICK_WHATSAPP",
      temperatura: "Média",
      finalidade: "aluguel",
      mensagem: null,
      phone: { e164: "+5521998877665", mobile: true },
      listing: { codigo: "CA0077-LST", portalListingId: "2613400772" },
    });
  });
});

describe("parseGrupoOlx: variants seen in the field", () => {
  it("reads transaction_type when transactionType is absent", () => {
    const { transactionType: _, ...rest } = whatsappClick;
    expect(parseGrupoOlx({ ...rest, transaction_type: "SELL" }).finalidade).toBe("venda");
    expect(parseGrupoOlx({ ...rest, transaction_type: "RENT" }).finalidade).toBe("aluguel");
  });

  it("accepts MCMV_OLX leads with no listing ids", () => {
    const { originListingId: _a, clientListingId: _b, ...rest } = contactForm;
    const lead = parseGrupoOlx({ ...rest, leadOrigin: "MCMV_OLX" });
    expect(lead.origem).toBe("olx-mcmv");
    expect(lead.listing.codigo).toBeNull();
    expect(lead.listing.portalListingId).toBeNull();
  });

  it("turns an empty or unreadable e-mail into null and lower-cases a good one", () => {
    expect(parseGrupoOlx({ ...contactForm, email: "" }).email).toBeNull();
    expect(parseGrupoOlx({ ...contactForm, email: "   " }).email).toBeNull();
    expect(parseGrupoOlx({ ...contactForm, email: "sem-arroba" }).email).toBeNull();
    expect(parseGrupoOlx({ ...contactForm, email: " Mariana@Example.COM " }).email).toBe("mariana@example.com");
  });

  it("uses ddd + phone when phoneNumber is missing", () => {
    const { phoneNumber: _, ...rest } = contactForm;
    expect(parseGrupoOlx({ ...rest, ddd: "21", phone: "98877-6655" }).phone?.e164).toBe("+5521988776655");
  });

  it("falls back to ddd + phone when phoneNumber is unreadable", () => {
    const lead = parseGrupoOlx({ ...contactForm, phoneNumber: "sem número", ddd: "31", phone: "991234567" });
    expect(lead.phone?.e164).toBe("+5531991234567");
  });

  it("reads formatted phones", () => {
    expect(parseGrupoOlx({ ...contactForm, phoneNumber: "+55 (11) 98765-4321" }).phone?.e164).toBe("+5511987654321");
  });

  it("keeps an invalid phone (raw) when the e-mail makes the lead reachable", () => {
    const { ddd: _a, phone: _b, ...rest } = contactForm;
    const lead = parseGrupoOlx({ ...rest, phoneNumber: "123" });
    expect(lead.phone).toEqual({ e164: null, valid: false, mobile: false, raw: "123" });
    expect(lead.telefone).toBe("123");
  });

  it("ignores unknown lead types and temperatures instead of losing the lead", () => {
    const lead = parseGrupoOlx({ ...contactForm, temperature: "Morna", extraData: { leadType: "NEW_THING" } });
    expect(lead.leadType).toBeNull();
    expect(lead.temperatura).toBeNull();
  });

  it("slugs an unknown leadOrigin and defaults a missing one", () => {
    expect(parseGrupoOlx({ ...contactForm, leadOrigin: "Imóvel Novo" }).origem).toBe("imovel-novo");
    const { leadOrigin: _, ...rest } = contactForm;
    expect(parseGrupoOlx(rest).origem).toBe("grupo-olx");
  });

  it("names a lead without a name instead of rejecting it", () => {
    expect(parseGrupoOlx({ ...contactForm, name: "" }).nome).toBe("Lead sem nome");
  });
});

describe("parseGrupoOlx: rejections", () => {
  it("no phone and no e-mail → issue on telefone in pt-BR", () => {
    const { ddd: _a, phone: _b, phoneNumber: _c, ...rest } = visitRequest;
    expect(zodIssues(() => parseGrupoOlx(rest))).toEqual([
      { path: "telefone", message: "Informe telefone ou e-mail do lead" },
    ]);
  });

  it("an unreadable phone and no e-mail is also unreachable", () => {
    expect(zodIssues(() => parseGrupoOlx({ ...visitRequest, phoneNumber: "x", ddd: "", phone: "x" }))[0]?.path).toBe(
      "telefone",
    );
  });

  it("a phone-like but invalid number with no e-mail is kept, flagged", () => {
    const lead = parseGrupoOlx({ ...visitRequest, phoneNumber: "(11) 1234-5678-99", ddd: "", phone: "" });
    expect(lead.phone?.valid).toBe(false);
    expect(lead.email).toBeNull();
  });

  it("wrong types name the field", () => {
    expect(zodIssues(() => parseGrupoOlx({ ...contactForm, name: 42 })).map((i) => i.path)).toEqual(["name"]);
    expect(zodIssues(() => parseGrupoOlx({ ...contactForm, extraData: { leadType: 7 } }))[0]?.path).toBe(
      "extraData.leadType",
    );
    expect(zodIssues(() => parseGrupoOlx({ ...contactForm, originLeadId: { id: 1 } }))[0]?.path).toBe("originLeadId");
  });

  it("requires the idempotency key", () => {
    const { originLeadId: _, ...rest } = contactForm;
    expect(zodIssues(() => parseGrupoOlx(rest))[0]?.path).toBe("originLeadId");
  });

  it("rejects a bad timestamp and oversized text", () => {
    expect(zodIssues(() => parseGrupoOlx({ ...contactForm, timestamp: "ontem" }))[0]?.path).toBe("timestamp");
    expect(zodIssues(() => parseGrupoOlx({ ...contactForm, name: "a".repeat(201) }))).toEqual([
      { path: "name", message: "no máximo 200 caracteres" },
    ]);
    expect(zodIssues(() => parseGrupoOlx({ ...contactForm, message: "a".repeat(5001) }))[0]?.path).toBe("message");
  });

  it("rejects a body that is not an object", () => {
    expect(() => parseGrupoOlx(null)).toThrow(ZodError);
    expect(() => parseGrupoOlx("texto")).toThrow(ZodError);
  });
});
