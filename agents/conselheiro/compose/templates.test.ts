import { describe, expect, it } from "vitest";
import { openTestLink, shortLinksIn, testLeadLinks } from "@/lib/links/testing/test-lead-links";
import { createTemplateWriter, type LeadLinha, type NovoLeadInput } from "./templates";
import { fitSections } from "../../../lib/whatsapp/text/compose";

const templateWriter = createTemplateWriter(testLeadLinks());

const SP = "America/Sao_Paulo";
const remetente = { corretorId: "cor_ana", corretorNome: "Ana Lima", imobiliariaNome: "Imobiliária Centro" };
const maria: LeadLinha = { id: "lead_01", nome: "Maria Souza", origem: "zap", score: 82, telefone: "+5511987654321" };
const fatores = [
  { points: 3, explicacao: "Deixou e-mail: +3" },
  { points: 30, explicacao: "Portal marcou o lead como quente (Alta): +30" },
  { points: -10, explicacao: "O telefone informado não é um número válido: −10" },
  { points: 25, explicacao: "Pediu uma visita pelo portal: +25" },
];
const novo = (over: Partial<NovoLeadInput> = {}): NovoLeadInput => ({
  tipo: "novo_lead",
  lead: maria,
  fatores,
  remetente,
  mensagem: null,
  imovel: { titulo: "Apartamento 2 quartos em Pinheiros", codigo: "AP0142-LST", bairro: "Pinheiros" },
  ...over,
});
const lines = (text: string) => text.split("\n");
const SHORT = "https://lastro.test/r/[A-Za-z0-9_-]{1,40}";

describe("novoLead", () => {
  const msg = templateWriter.novoLead(
    novo({ mensagem: "  Quero   agendar uma visita.\nMeu zap 11 98765-4321, e-mail maria.souza@example.com " }),
  );

  it("says who, where from, which listing, what they asked, the score and why", () => {
    expect(lines(msg.corpo).slice(0, 9)).toEqual([
      "🔥 *Novo lead: Maria Souza*",
      "Portal: ZAP Imóveis",
      "Imóvel: Apartamento 2 quartos em Pinheiros (AP0142-LST) – Pinheiros",
      'Pediu: "Quero agendar uma visita. Meu zap 11 *****-**21, e-mail [e-mail omitido]"',
      "",
      "*Score 82* · Por que 82?",
      "• Portal marcou o lead como quente (Alta): +30",
      "• Pediu uma visita pelo portal: +25",
      "• O telefone informado não é um número válido: −10",
    ]);
  });

  it("links to the lead on WhatsApp and to the lead page with short signed links, and offers the three quick replies", () => {
    expect(lines(msg.corpo).slice(-2)).toEqual([
      expect.stringMatching(new RegExp(`^👉 Responder agora: ${SHORT}$`)),
      expect.stringMatching(new RegExp(`^📋 Ver no painel: ${SHORT}$`)),
    ]);
    const [responder, painel] = shortLinksIn(msg.corpo);
    expect(openTestLink(responder!, ["cor_bia", "cor_ana"])).toMatchObject({
      ok: true,
      link: { leadId: "lead_01", corretorId: "cor_ana", kind: "wa" },
    });
    expect(openTestLink(painel!, ["cor_ana"])).toMatchObject({ ok: true, link: { leadId: "lead_01", kind: "lead" } });
    expect(msg.corpo).not.toContain("wa.me");
    expect(msg.botoes).toEqual([
      { id: "ja_contatei:lead_01", titulo: "Já contatei" },
      { id: "passar:lead_01", titulo: "Passar adiante" },
      { id: "lembrar:lead_01", titulo: "Lembrar em 1h" },
    ]);
    expect(msg.templateVariaveis).toMatchObject({ "1": "Maria Souza", "2": "ZAP Imóveis", "4": "82", "5": responder });
  });

  it("never shows the e-mail, nor the phone", () => {
    const everything = JSON.stringify(msg);
    expect(everything).not.toContain("maria.souza");
    expect(everything).not.toContain("example.com");
    expect(everything).not.toMatch(/98765|87654321|5511987/);
  });

  it("has no WhatsApp link, only a warning with the lead page's link, when the phone is not valid E.164", () => {
    for (const telefone of ["11987654321", "+5511000", null]) {
      const m = templateWriter.novoLead(novo({ lead: { ...maria, telefone } }));
      expect(lines(m.corpo).at(-1)).toMatch(
        new RegExp(`^⚠️ Telefone do lead inválido: confira o contato no painel: ${SHORT}$`),
      );
      expect(openTestLink(shortLinksIn(m.corpo)[0]!, ["cor_ana"])).toMatchObject({ ok: true, link: { kind: "lead" } });
      expect(shortLinksIn(m.corpo)).toHaveLength(1);
    }
  });

  it("titles a visit request and a returning lead; says when a held alert arrived", () => {
    expect(lines(templateWriter.novoLead(novo({ tipo: "visita_solicitada" })).corpo)[0]).toBe(
      "📅 *Maria Souza quer visitar*",
    );
    expect(lines(templateWriter.novoLead(novo({ tipo: "lead_retorno" })).corpo)[0]).toBe(
      "🔁 *Maria Souza voltou a perguntar*",
    );
    const held = templateWriter.novoLead(novo({ recebidoEm: { em: new Date("2026-11-25T00:10:00Z"), timezone: SP } }));
    expect(lines(held.corpo)).toContain("Chegou às 21h10 de 24/11.");
    expect(lines(templateWriter.novoLead(novo({ imovel: null })).corpo)[2]).toBe("Imóvel: não identificado");
  });

  it("stays within 1,600 characters with the longest inputs", () => {
    const long = "é".repeat(400);
    const m = templateWriter.novoLead(
      novo({
        lead: { ...maria, nome: long },
        mensagem: long.repeat(10),
        imovel: { titulo: long, codigo: long, bairro: long },
        fatores: Array.from({ length: 9 }, (_, i) => ({ points: i, explicacao: long })),
        remetente: { corretorId: "cor_ana", corretorNome: long, imobiliariaNome: long },
        recebidoEm: { em: new Date(), timezone: SP },
      }),
    );
    expect(m.corpo.length).toBeLessThanOrEqual(1600);
    expect(shortLinksIn(m.corpo)).toHaveLength(2);
    expect(lines(m.corpo).at(-2)).toMatch(/^👉 Responder agora: /);
  });
});

describe("agrupada", () => {
  const joao: LeadLinha = { id: "lead_02", nome: "João Lima", origem: "olx", score: 55, telefone: "+5521987654322" };
  const bia: LeadLinha = { id: "lead_03", nome: "Bia", origem: "vivareal", score: 61, telefone: "invalido" };
  const base = {
    desde: new Date("2026-11-24T17:00:00Z"),
    agora: new Date("2026-11-24T18:00:00Z"),
    timezone: SP,
    limiteDiario: 5,
    remetente,
  };

  it("counts the leads since the window opened, one line each, held alerts first", () => {
    const m = templateWriter.agrupada({ ...base, leads: [joao, bia], retidos: [maria] });
    const l = lines(m.corpo);
    expect(l[0]).toBe("📋 *3 novos leads desde 14h*");
    expect(l[2]).toBe("⚠️ *1 alerta retido pelo limite de 5 por dia:*");
    expect(l[3]).toMatch(new RegExp(`^• \\*Maria Souza\\* · ZAP Imóveis · score 82 · ${SHORT}$`));
    expect(l[5]).toBe("*Outros leads:*");
    expect(l[6]).toMatch(
      new RegExp(`^• \\*Bia\\* · Viva Real · score 61 · telefone inválido, veja no painel: ${SHORT}$`),
    );
    expect(l[7]).toMatch(new RegExp(`^• \\*João Lima\\* · OLX · score 55 · ${SHORT}$`));
    const [mariaLink, biaLink, joaoLink] = shortLinksIn(m.corpo);
    expect(openTestLink(mariaLink!, ["cor_ana"])).toMatchObject({ ok: true, link: { leadId: "lead_01", kind: "wa" } });
    expect(openTestLink(biaLink!, ["cor_ana"])).toMatchObject({ ok: true, link: { leadId: "lead_03", kind: "lead" } });
    expect(openTestLink(joaoLink!, ["cor_ana"])).toMatchObject({ ok: true, link: { leadId: "lead_02", kind: "wa" } });
    expect(m.corpo).not.toContain("wa.me");
    expect(l.at(-1)).toBe("Toque no link para responder cada lead pelo WhatsApp.");
    expect(m.botoes).toEqual([]);
    expect(m.templateVariaveis).toEqual({ "1": "3", "2": "desde 14h", "3": "Maria Souza, Bia, João Lima" });
  });

  it("names the day when the window opened before today", () => {
    const m = templateWriter.agrupada({ ...base, desde: new Date("2026-11-23T22:30:00Z"), leads: [joao], retidos: [] });
    expect(lines(m.corpo)[0]).toBe("📋 *1 novo lead desde 23/11 às 19h30*");
    expect(lines(m.corpo)[2]).toBe("*Leads:*");
  });

  it("cuts a long list with 'e mais N…' under 1,600 characters", () => {
    const many = Array.from({ length: 50 }, (_, i) => ({
      ...joao,
      id: `lead_${i}`,
      nome: `Pessoa ${String(i).padStart(2, "0")}`,
      score: 100 - i,
    }));
    const m = templateWriter.agrupada({ ...base, leads: [], retidos: many });
    expect(m.corpo.length).toBeLessThanOrEqual(1600);
    const shown = lines(m.corpo).filter((x) => x.startsWith("• "));
    expect(shown.length).toBeGreaterThan(10);
    expect(shown[0]).toMatch(new RegExp(`^• \\*Pessoa 00\\* · OLX · score 100 · ${SHORT}$`));
    expect(lines(m.corpo)).toContain(`e mais ${50 - shown.length}…`);
  });
});

describe("lembrete and resumoDiario", () => {
  it("reminds the broker of one lead with the same quick replies", () => {
    const m = templateWriter.lembrete({
      lead: maria,
      imovel: null,
      recebidoEm: new Date("2026-11-24T17:05:00Z"),
      timezone: SP,
      remetente,
    });
    expect(lines(m.corpo).slice(0, 3)).toEqual([
      "⏰ *Lembrete: responder Maria Souza*",
      "Portal: ZAP Imóveis · score 82",
      "Chegou às 14h05 de 24/11.",
    ]);
    expect(shortLinksIn(m.corpo)).toHaveLength(2);
    expect(m.corpo).not.toContain("wa.me");
    expect(m.botoes.map((b) => b.id)).toEqual(["ja_contatei:lead_01", "passar:lead_01", "lembrar:lead_01"]);
  });

  it("sums up the day: counts, visit requests, held alerts, cold leads and the others still without contact", () => {
    const dia = { desde: new Date("2026-11-24T03:00:00Z"), ate: new Date("2026-11-25T03:00:00Z") };
    const m = templateWriter.resumoDiario({
      periodo: dia,
      timezone: SP,
      limiteDiario: 5,
      remetente,
      contagem: { novos: 12, quentes: 3, mornos: 5, frios: 4, contatados: 7, visitasSolicitadas: 2 },
      retidos: [maria],
      pediramVisita: [{ ...maria, id: "lead_07", nome: "Vera Visita", score: 90 }],
      frios: [{ ...maria, id: "lead_08", nome: "Fabio Frio", score: 12 }],
      semContato: [{ ...maria, id: "lead_09", nome: "Carlos", score: 45 }],
    });
    const l = lines(m.corpo);
    expect(l.slice(0, 4)).toEqual([
      "📊 *Resumo do dia 24/11*",
      "Novos leads: 12 (3 quentes, 5 mornos, 4 frios)",
      "Contatados: 7",
      "Visitas solicitadas: 2",
    ]);
    const titles = l.filter((x) => x.endsWith(":*"));
    expect(titles).toEqual([
      "⚠️ *1 alerta retido pelo limite de 5 por dia:*",
      "📅 *Pediram visita, sem contato (1):*",
      "❄️ *Leads frios, só no resumo (1):*",
      "*Sem contato ainda (1):*",
    ]);
    expect(l[l.indexOf(titles[2]!) + 1]).toMatch(
      new RegExp(`^• \\*Fabio Frio\\* · ZAP Imóveis · score 12 · ${SHORT}$`),
    );
    expect(l[l.indexOf(titles[3]!) + 1]).toMatch(new RegExp(`^• \\*Carlos\\* · ZAP Imóveis · score 45 · ${SHORT}$`));
    expect(m.templateVariaveis).toEqual({ "1": "24/11", "2": "12", "3": "3", "4": "1" });
  });

  it("names the days a summary after days off covers; says so when nothing is waiting", () => {
    const empty = templateWriter.resumoDiario({
      periodo: { desde: new Date("2026-11-21T03:00:00Z"), ate: new Date("2026-11-23T03:00:00Z") },
      timezone: SP,
      limiteDiario: 5,
      remetente,
      contagem: { novos: 0, quentes: 0, mornos: 0, frios: 0, contatados: 0, visitasSolicitadas: 0 },
      retidos: [],
      pediramVisita: [],
      frios: [],
      semContato: [],
    });
    expect(lines(empty.corpo)[0]).toBe("📊 *Resumo de 21/11 a 22/11*");
    expect(lines(empty.corpo).at(-1)).toBe("Nenhum lead esperando contato. Bom trabalho!");
  });
});

describe("fitSections", () => {
  it("keeps later section titles when an earlier section is cut", () => {
    const { corpo, omitidas } = fitSections(
      "H",
      [
        { titulo: "A", linhas: Array.from({ length: 40 }, (_, i) => `a${i}`.padEnd(20, ".")) },
        { titulo: "B", linhas: ["b0"] },
      ],
      "T",
      300,
    );
    expect(corpo.length).toBeLessThanOrEqual(300);
    expect(corpo).toMatch(/\ne mais \d+…\n\nB\n/);
    expect(corpo.endsWith("\n\nT")).toBe(true);
    expect(omitidas).toBeGreaterThan(0);
  });
});
