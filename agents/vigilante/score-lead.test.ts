import { describe, expect, it } from "vitest";
import chavesNaMao from "@/lib/portals/fixtures/chaves-na-mao-lead.json";
import contactForm from "@/lib/portals/fixtures/grupo-olx-lead-contact-form.json";
import visitRequest from "@/lib/portals/fixtures/grupo-olx-lead-visit-request.json";
import whatsappClick from "@/lib/portals/fixtures/grupo-olx-lead-whatsapp-click.json";
import imovelweb from "@/lib/portals/fixtures/imovelweb-contacto.json";
import { parsePortalPayload } from "@/lib/portals";
import { EMPTY_LISTING, type NormalizedLead } from "@/lib/portals/normalized-lead";
import { normalizePhoneBR } from "@/lib/phone/normalize-phone";
import { scoreLead, type LeadScore } from "./score-lead";
import { DEFAULT_WEIGHTS } from "./score-weights";

/** A lead that scores only the "unknown" defaults: no temperature, no type, no contact points. */
function lead(overrides: Partial<NormalizedLead> = {}): NormalizedLead {
  return {
    portal: "generico",
    origem: "site",
    externalId: "1",
    createdAt: null,
    nome: "Ana",
    telefone: null,
    phone: null,
    email: null,
    mensagem: null,
    leadType: null,
    temperatura: null,
    finalidade: null,
    listing: EMPTY_LISTING,
    ...overrides,
  };
}
const factor = (s: LeadScore, key: string) => s.factors.find((f) => f.key === key);
const score = (l: NormalizedLead, earlierInquiries = 0, listingPrice?: number | null) =>
  scoreLead({ lead: l, earlierInquiries, listingPrice });

describe("scoreLead factors", () => {
  it("a bare lead scores the two defaults, explained", () => {
    expect(score(lead())).toEqual({
      score: 18,
      factors: [
        { key: "temperatura", points: 10, explicacao: "Portal não informou a temperatura do lead: +10" },
        { key: "tipo_lead", points: 8, explicacao: "O portal não informou como a pessoa fez contato: +8" },
      ],
    });
  });

  it.each([
    ["Alta", 30, "quente"],
    ["Média", 15, "morno"],
    ["Baixa", 5, "frio"],
  ] as const)("temperature %s → %i", (temperatura, points, word) => {
    expect(factor(score(lead({ temperatura })), "temperatura")).toEqual({
      key: "temperatura",
      points,
      explicacao: `Portal marcou o lead como ${word} (${temperatura}): +${points}`,
    });
  });

  it.each([
    ["VISIT_REQUEST", 25],
    ["CLICK_SCHEDULE", 22],
    ["CLICK_WHATSAPP", 15],
    ["CONTACT_CHAT", 12],
    ["CONTACT_FORM", 10],
    ["PHONE_VIEW", 6],
  ] as const)("lead type %s → %i", (leadType, points) => {
    const f = factor(score(lead({ leadType })), "tipo_lead");
    expect(f?.points).toBe(points);
    expect(f?.explicacao).toMatch(new RegExp(`: \\+${points}$`));
  });

  describe("intent words", () => {
    const intent = (mensagem: string) => factor(score(lead({ mensagem })), "intencao");

    it.each([
      ["Gostaria de VISITAR o imóvel", 10],
      ["Podemos agendar?", 10],
      ["Uso o FGTS", 8],
      ["Faço uma proposta", 8],
      ["Pagamento a vista", 8],
      ["Preciso com urgência", 6],
      ["Mudanca no mes que vem", 6],
      // The ConversationAnalyzer's words: slang, typos and negotiation count as the broker reads them.
      ["qro vizitar o apto", 10],
      ["tem como finaciar?", 8],
      ["Da pra negociar o valor?", 8],
    ])("%j → %i", (mensagem, points) => {
      expect(intent(mensagem)?.points).toBe(points);
    });

    it("counts each group once and names the word found", () => {
      expect(intent("Quero uma visita, agendar a visita")).toMatchObject({
        points: 10,
        explicacao: 'Mensagem mostra intenção: visita ("visita"): +10',
      });
    });

    it("adds groups and caps the total at 20", () => {
      expect(intent("Aceita financiamento? Quero visitar")?.points).toBe(18);
      expect(intent("Visita hoje? Tenho FGTS")).toMatchObject({
        points: 20,
        explicacao: expect.stringMatching(/\(limitado a 20\): \+20$/),
      });
    });

    it("matches whole words only, and 'a vista' for the view does not count", () => {
      expect(intent("Sou visitante da cidade")).toBeUndefined();
      expect(intent("Adorei a vista para o mar")).toBeUndefined();
      expect(intent("hojeemdia")).toBeUndefined();
    });
  });

  it("contact quality: valid mobile +10, e-mail +3, invalid phone −10, landline 0", () => {
    const mobile = normalizePhoneBR("11987654321");
    expect(factor(score(lead({ phone: mobile, email: "a@b.co" })), "celular")?.points).toBe(10);
    expect(factor(score(lead({ phone: mobile, email: "a@b.co" })), "email")?.explicacao).toBe("Deixou e-mail: +3");
    const invalid = score(lead({ phone: normalizePhoneBR("123"), email: "a@b.co" }));
    expect(factor(invalid, "telefone_invalido")).toEqual({
      key: "telefone_invalido",
      points: -10,
      explicacao: "O telefone informado não é um número válido: −10",
    });
    const landline = score(lead({ phone: normalizePhoneBR("1132654321") }));
    expect(landline.factors.map((f) => f.key)).toEqual(["temperatura", "tipo_lead"]);
  });

  it("repeat inquiries: +10 each, capped at 20", () => {
    expect(factor(score(lead(), 1), "retorno")).toEqual({
      key: "retorno",
      points: 10,
      explicacao: "Já fez 1 consulta nos últimos 90 dias: +10",
    });
    expect(factor(score(lead(), 2), "retorno")?.points).toBe(20);
    expect(factor(score(lead(), 5), "retorno")?.explicacao).toBe(
      "Já fez 5 consultas nos últimos 90 dias (limitado a 20): +20",
    );
    expect(factor(score(lead(), 0), "retorno")).toBeUndefined();
    expect(factor(score(lead(), -3), "retorno")).toBeUndefined();
  });

  describe("listing price band", () => {
    it.each([
      ["venda", 2_000_000, 8],
      ["venda", 900_000, 5],
      ["venda", 400_000, undefined],
      ["aluguel", 9_000, 8],
      ["aluguel", 4_500, 5],
      ["aluguel", 2_000, undefined],
    ] as const)("%s at %i → %s", (finalidade, price, points) => {
      expect(factor(score(lead({ finalidade }), 0, price), "ticket")?.points).toBe(points);
    });

    it("our listing price wins over the portal's; with no finalidade a small price is a rent", () => {
      const l = lead({ listing: { ...EMPTY_LISTING, preco: 300_000 }, finalidade: "venda" });
      expect(factor(score(l, 0, 1_600_000), "ticket")?.points).toBe(8);
      expect(factor(score(l), "ticket")).toBeUndefined();
      expect(factor(score(lead(), 0, 9_000), "ticket")?.explicacao).toMatch(
        /^Aluguel de valor alto \(R\$\s9\.000 por mês\): \+8$/,
      );
    });

    it("a budget in the message earns points and is quoted", () => {
      const f = factor(score(lead({ mensagem: "Procuro até 500 mil" })), "orcamento");
      expect(f?.points).toBe(4);
      expect(f?.explicacao).toMatch(/^Informou um valor na mensagem \(R\$\s500\.000\): \+4$/);
      expect(factor(score(lead({ mensagem: "3 quartos, 2 vagas" })), "orcamento")).toBeUndefined();
    });
  });
});

describe("scoreLead clamp and invariants", () => {
  it("clamps at 100 and shows the cut as a factor", () => {
    const hot = lead({
      temperatura: "Alta",
      leadType: "VISIT_REQUEST",
      phone: normalizePhoneBR("11987654321"),
      email: "a@b.co",
      mensagem: "Quero visitar hoje, tenho FGTS, até 2 milhões",
      finalidade: "venda",
    });
    const s = score(hot, 3, 2_000_000);
    expect(s.score).toBe(100);
    expect(factor(s, "limite")?.points).toBe(100 - (30 + 25 + 20 + 10 + 3 + 20 + 8 + 4));
  });

  it("clamps at 0 with tuned weights", () => {
    const weights = { ...DEFAULT_WEIGHTS, contact: { ...DEFAULT_WEIGHTS.contact, invalidPhone: -50 } };
    const s = scoreLead(
      { lead: lead({ phone: normalizePhoneBR("x"), email: "a@b.co" }), earlierInquiries: 0 },
      weights,
    );
    expect(s.score).toBe(0);
    expect(factor(s, "limite")).toMatchObject({ points: 29, explicacao: "A pontuação não fica abaixo de 0: +29" });
  });

  it("the factors always add up to the score, and the result is deterministic", () => {
    for (const body of [contactForm, visitRequest, whatsappClick]) {
      const l = parsePortalPayload("grupo-olx", body);
      const s = score(l, 1);
      expect(s.factors.reduce((t, f) => t + f.points, 0)).toBe(s.score);
      expect(score(l, 1)).toEqual(s);
    }
  });

  it("uses tuned weights when given", () => {
    const weights = { ...DEFAULT_WEIGHTS, temperature: { ...DEFAULT_WEIGHTS.temperature, Alta: 40 } };
    expect(
      factor(scoreLead({ lead: lead({ temperatura: "Alta" }), earlierInquiries: 0 }, weights), "temperatura")?.points,
    ).toBe(40);
    expect(DEFAULT_WEIGHTS.temperature.Alta).toBe(30);
  });
});

describe("fixtures score in a sensible order", () => {
  const s = {
    visit: score(parsePortalPayload("grupo-olx", visitRequest)).score,
    form: score(parsePortalPayload("grupo-olx", contactForm)).score,
    whatsapp: score(parsePortalPayload("grupo-olx", whatsappClick)).score,
    chaves: score(parsePortalPayload("chaves-na-mao", chavesNaMao)).score,
    imovelweb: score(parsePortalPayload("imovelweb", imovelweb)).score,
  };

  it("visit request (Alta) > WhatsApp click (Média)", () => {
    expect(s.visit).toBeGreaterThan(s.whatsapp);
  });

  it("portal-hot leads outrank leads with no temperature", () => {
    expect(Math.min(s.visit, s.form)).toBeGreaterThan(Math.max(s.chaves, s.imovelweb));
  });

  it("the visit request scores what the table says", () => {
    // Alta 30 + VISIT_REQUEST 25 + "visitar" 10 + valid mobile 10 (no e-mail)
    expect(s.visit).toBe(75);
  });
});
