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
      mensagem:
        "Olá, tenho interesse neste apartamento. Aceita financiamento? Gostaria de agendar uma visita no sábado.",
      leadType: "CONTACT_FORM",
      temperatura: "Alta",
      finalidade: "venda",
      listing: {
        codigo: "AP0142-LST",
        portalListingId: "2729412581",
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

  it("drops unknown lead types and temperatures instead of losing the lead, and flags them", () => {
    const lead = parseGrupoOlx({ ...contactForm, temperature: "Morna", extraData: { leadType: "NEW_THING" } });
    expect(lead.leadType).toBeNull();
    expect(lead.temperatura).toBeNull();
    expect(lead.ajustes).toEqual([
      { campo: "extraData.leadType", acao: "descartado", motivo: "valor desconhecido" },
      { campo: "temperature", acao: "descartado", motivo: "valor desconhecido" },
    ]);
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

describe("parseGrupoOlx: odd types and sizes keep a reachable lead (portals do not retry a 4xx)", () => {
  it("reads phoneNumber and ddd sent as JSON numbers", () => {
    const lead = parseGrupoOlx({ ...contactForm, phoneNumber: 11987004004, ddd: 11, phone: 987004004, email: "" });
    expect(lead.phone?.e164).toBe("+5511987004004");
    expect(lead.ajustes).toEqual([
      { campo: "ddd", acao: "convertido", motivo: "número lido como texto" },
      { campo: "phone", acao: "convertido", motivo: "número lido como texto" },
      { campo: "phoneNumber", acao: "convertido", motivo: "número lido como texto" },
    ]);
    const { phoneNumber: _, ...split } = contactForm;
    expect(parseGrupoOlx({ ...split, ddd: 21, phone: "98877-6655" }).phone?.e164).toBe("+5521988776655");
  });

  it("reads extraData sent as the bare lead type", () => {
    const lead = parseGrupoOlx({ ...visitRequest, extraData: "VISIT_REQUEST" });
    expect(lead.leadType).toBe("VISIT_REQUEST");
    expect(lead.ajustes).toEqual([
      { campo: "extraData", acao: "convertido", motivo: "texto lido como extraData.leadType" },
    ]);
  });

  it("drops email: 0, temperature: 3 and an invalid e-mail, flagged, and keeps the lead by its phone", () => {
    const lead = parseGrupoOlx({ ...contactForm, email: 0, temperature: 3 });
    expect(lead).toMatchObject({ email: null, temperatura: null, phone: { e164: "+5511987654321" } });
    expect(lead.ajustes).toEqual([
      { campo: "email", acao: "descartado", motivo: "deve ser texto" },
      { campo: "temperature", acao: "descartado", motivo: "valor desconhecido" },
    ]);
    expect(parseGrupoOlx({ ...contactForm, email: "sem-arroba" }).ajustes).toEqual([
      { campo: "email", acao: "descartado", motivo: "e-mail inválido" },
    ]);
  });

  it("truncates a name or e-mail over 200 characters, keeping the whole text for the interação", () => {
    const name = `Maria ${"da Silva ".repeat(30)}`.trim();
    const email = `${"a".repeat(195)}@example.com`;
    const lead = parseGrupoOlx({ ...contactForm, name, email });
    expect(lead.nome).toBe(name.slice(0, 200).trimEnd());
    expect(lead.email).toBe(email.slice(0, 200));
    expect(lead.textoOriginal).toEqual({ nome: name, email });
    expect(lead.ajustes?.map((a) => [a.campo, a.acao])).toEqual([
      ["name", "truncado"],
      ["email", "truncado"],
    ]);
    // No personal data in the flags.
    expect(JSON.stringify(lead.ajustes)).not.toMatch(/Maria|example/);
  });

  it("truncates a long message and never leaves half an emoji", () => {
    const message = `${"a".repeat(4999)}😀 e mais`;
    const lead = parseGrupoOlx({ ...contactForm, message });
    expect(lead.mensagem).toBe("a".repeat(4999));
    expect(lead.textoOriginal?.mensagem).toBe(message);
  });

  it("drops a bad timestamp, a wrong-typed name and extraData, flagged", () => {
    const lead = parseGrupoOlx({ ...contactForm, timestamp: "ontem", name: { first: "Ana" }, extraData: [1] });
    expect(lead).toMatchObject({ createdAt: null, nome: "Lead sem nome", leadType: null });
    expect(lead.ajustes?.map((a) => `${a.campo}:${a.acao}`).sort()).toEqual([
      "extraData:descartado",
      "name:descartado",
      "timestamp:descartado",
    ]);
  });

  it("without a usable originLeadId the body's digest is the delivery key, the same on a retry", () => {
    const { originLeadId: _, ...rest } = contactForm;
    const first = parseGrupoOlx(rest);
    expect(first.externalId).toMatch(/^corpo-[0-9a-f]{40}$/);
    expect(parseGrupoOlx(JSON.parse(JSON.stringify(rest))).externalId).toBe(first.externalId);
    expect(parseGrupoOlx({ ...rest, name: "Outra Pessoa" }).externalId).not.toBe(first.externalId);
    expect(first.ajustes).toEqual([
      { campo: "originLeadId", acao: "gerado", motivo: "ausente ou ilegível; chave gerada a partir do corpo" },
    ]);
    expect(parseGrupoOlx({ ...contactForm, originLeadId: { id: 1 } }).externalId).toMatch(/^corpo-/);
  });
});

describe("parseGrupoOlx: rejections (no way to reach the person)", () => {
  it("no phone and no e-mail → 422 naming the sender's contact fields, in pt-BR", () => {
    const { ddd: _a, phone: _b, phoneNumber: _c, ...rest } = visitRequest;
    expect(zodIssues(() => parseGrupoOlx(rest))).toEqual([
      { path: "phoneNumber", message: "Informe telefone ou e-mail do lead" },
      { path: "phone", message: "Informe telefone ou e-mail do lead" },
      { path: "email", message: "Informe telefone ou e-mail do lead" },
    ]);
  });

  it("an unreadable phone and an unusable e-mail are also unreachable", () => {
    expect(zodIssues(() => parseGrupoOlx({ ...visitRequest, phoneNumber: "x", ddd: "", phone: "x" }))[0]?.path).toBe(
      "phoneNumber",
    );
    expect(
      zodIssues(() => parseGrupoOlx({ ...visitRequest, phoneNumber: true, ddd: "", phone: "", email: 0 })),
    ).toHaveLength(3);
  });

  it("a phone-like but invalid number with no e-mail is kept, flagged", () => {
    const lead = parseGrupoOlx({ ...visitRequest, phoneNumber: "(11) 1234-5678-99", ddd: "", phone: "" });
    expect(lead.phone?.valid).toBe(false);
    expect(lead.email).toBeNull();
  });

  it("rejects a body that is not an object", () => {
    expect(() => parseGrupoOlx(null)).toThrow(ZodError);
    expect(() => parseGrupoOlx("texto")).toThrow(ZodError);
    expect(() => parseGrupoOlx([contactForm])).toThrow(ZodError);
  });
});
