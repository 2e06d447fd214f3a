// Every kind of message the model may word (issue #21), each composed by its real template: the
// model's text is kept when every fact is there, the template goes (with the reason) when a fact is
// altered or the model does not answer in time, and the prompt carries no phone, e-mail or surname.
// The model is the AI SDK's MockLanguageModelV3 (lib/llm/testing/mock-llm.ts): no network here.
import { describe, expect, it } from "vitest";
import type { ResumoGestorData } from "@/agents/analista/resumo-gestor/load-resumo-gestor";
import { composePortalSilencioso, composePortalVoltou } from "@/agents/conselheiro/compose/compose-portal-silencioso";
import { composeResumoGestor } from "@/agents/conselheiro/compose/compose-resumo-gestor";
import { composeResumoSemanal } from "@/agents/conselheiro/compose/compose-resumo-semanal";
import {
  composeSlaGestao,
  composeSlaLembrete,
  composeSlaRedistribuido,
} from "@/agents/conselheiro/compose/compose-sla";
import {
  composeFollowUp,
  composeLembreteVisita,
  composePosVisita,
} from "@/agents/conselheiro/compose/compose-visita-follow-up";
import type { Botao, LeadLinha, MensagemGestao, Remetente } from "@/agents/conselheiro/compose/message-types";
import type { MensagemTipo } from "@/lib/db/schema";
import type { Redacao } from "@/lib/domain/redacao";
import type { LeadLinks } from "@/lib/links/lead-links";
import { mockLlm } from "@/lib/llm/testing/mock-llm";
import { quickReplyVariables } from "@/lib/whatsapp/content-templates";
import { newPendente, registerSendHarness } from "./testing/send-fixtures";
import { weeklySummaryInput } from "./testing/weekly-summary";
import { writeWithModel } from "./write-with-model";

const h = registerSendHarness();

const SP = "America/Sao_Paulo";
const sp = (iso: string) => new Date(`${iso}-03:00`);
const links: LeadLinks = {
  whatsapp: (leadId, corretorId) => `https://lastro.test/r/wa.${leadId}.${corretorId}`,
  painel: (leadId, corretorId) => `https://lastro.test/r/lead.${leadId}.${corretorId}`,
};
// What must never reach a prompt: the lead's phone and e-mail, and anyone's surname.
const TELEFONE = "+5511987654321";
const PROIBIDO = [/987654321/, /marina\.souza@/i, /Souza/, /Lima/, /Prado/];
const lead: LeadLinha = { id: "lead_1", nome: "Marina Souza", origem: "zap", score: 82, telefone: TELEFONE };
const remetente: Remetente = { corretorId: "cor_1", corretorNome: "Ana Lima", imobiliariaNome: "Imobiliária Centro" };
const imovel = { titulo: "Apartamento 2 quartos", codigo: "AP-123", bairro: "Pinheiros" };

type Caso = {
  tipo: MensagemTipo;
  composed: MensagemGestao & { botoes?: Botao[] };
};

const resumoGestor: ResumoGestorData = {
  tipo: "diario",
  periodo: { desde: sp("2026-03-09T00:00"), ate: sp("2026-03-10T00:00") },
  agora: sp("2026-03-10T08:00"),
  timezone: SP,
  imobiliariaNome: "Imobiliária Centro",
  leads: 42,
  porPortal: [{ origem: "zap", leads: 42 }],
  funil: [
    { etapa: "lead", leads: 42, conversaoPct: null },
    { etapa: "contato", leads: 30, conversaoPct: 71 },
    { etapa: "visita", leads: 6, conversaoPct: 20 },
  ],
  resposta: { medianaMin: 35, medidas: 30 },
  ranking: [{ nome: "Ana Lima", medianaMin: 12, medidas: 10 }],
  sla: [{ nome: "Ana Lima", leads: 2 }],
  aguardando: { total: 0, leads: [] },
  reprimida: [],
  vazio: false,
};

const casos: Record<string, Caso> = {
  "the broker's weekly summary": {
    tipo: "resumo_semanal",
    composed: composeResumoSemanal(weeklySummaryInput(remetente)),
  },
  "the managers' daily summary": { tipo: "resumo_gestor", composed: composeResumoGestor(resumoGestor) },
  "the managers' weekly summary": {
    tipo: "resumo_gestor",
    composed: composeResumoGestor({ ...resumoGestor, tipo: "semanal" }),
  },
  "the SLA reminder": {
    tipo: "lembrete",
    composed: composeSlaLembrete(
      { lead, recebidoEm: sp("2026-03-10T09:05"), slaMinutos: 30, timezone: SP, remetente },
      links,
    ),
  },
  "the managers' SLA alert": {
    tipo: "alerta_gestao",
    composed: composeSlaGestao(
      {
        gestorNome: "Carlos Prado",
        lead,
        corretorId: "cor_1",
        corretorNome: "Ana Lima",
        recebidoEm: sp("2026-03-10T09:05"),
        esperaMinutos: 75,
        slaMinutos: 30,
        redistribuiEm: sp("2026-03-10T10:35"),
        timezone: SP,
      },
      links,
    ),
  },
  "the re-route notice": {
    tipo: "aviso",
    composed: composeSlaRedistribuido({ lead, paraNome: "Bruno Prado", slaMinutos: 30 }),
  },
  "the follow-up": {
    tipo: "follow_up",
    composed: composeFollowUp(
      {
        lead,
        etapa: "Em contato",
        ultimaInteracao: sp("2026-03-07T10:00"),
        dias: 3,
        proximoPasso: "Ligar para marcar a visita",
        imovel,
        timezone: SP,
        remetente,
      },
      links,
    ),
  },
  "the visit reminder": {
    tipo: "lembrete_visita",
    composed: composeLembreteVisita({ lead, visitaEm: sp("2026-03-10T15:30"), imovel, timezone: SP, remetente }, links),
  },
  "'Como foi a visita?'": {
    tipo: "pos_visita",
    composed: composePosVisita({ lead, visitaEm: sp("2026-03-10T15:30"), imovel, timezone: SP, remetente }, links),
  },
  "the quiet-portal alert": {
    tipo: "alerta_portal",
    composed: composePortalSilencioso(
      {
        portal: "ZAP Imóveis",
        ultimaEntregaEm: sp("2026-03-09T10:00"),
        agora: sp("2026-03-10T16:00"),
        maiorIntervaloMs: 6 * 3_600_000,
        timezone: SP,
      },
      "Carlos",
    ),
  },
  "the portal's return": {
    tipo: "alerta_portal",
    composed: composePortalVoltou(
      {
        portal: "ZAP Imóveis",
        ultimaEntregaEm: sp("2026-03-09T10:00"),
        retomadaEm: sp("2026-03-10T17:00"),
        timezone: SP,
      },
      "Carlos",
    ),
  },
};

/** A model that keeps every fact: its own sentence around them. */
const boa = (r: Redacao) => `Olá! Aqui vai o resumo: ${r.fatos.join(", ")}. Bom trabalho!`;

async function rowFor(c: Caso) {
  return newPendente(h.t.db, h.broker, {
    tipo: c.tipo,
    corpo: c.composed.corpo,
    botoes: c.composed.botoes ?? [],
    redacao: c.composed.redacao,
    criadoEm: h.clock.now(),
  });
}

describe("writeWithModel, for every kind the model may word", () => {
  for (const [nome, caso] of Object.entries(casos)) {
    describe(nome, () => {
      it("offers the model its facts, never a phone, an e-mail or a surname", () => {
        expect(caso.composed.redacao).toBeDefined();
        expect(caso.composed.redacao!.fatos.length).toBeGreaterThan(0);
        expect(caso.composed.corpo.endsWith(caso.composed.redacao!.rodape)).toBe(true);
      });

      it("keeps the model's text when every fact is there, our lines and buttons after it as they were", async () => {
        const redacao = caso.composed.redacao!;
        const { llm, prompts } = mockLlm(() => boa(redacao));
        const row = await rowFor(caso);
        const saved = await writeWithModel({ db: h.t.db, llm, now: h.clock.now }, row.id);
        expect(saved).toMatchObject({
          corpo: `${boa(redacao)}\n\n${redacao.rodape}`.trim(),
          escritaPor: "modelo:mock-1",
          escritaMotivo: null,
          botoes: row.botoes,
          destino: row.destino,
        });
        expect(prompts).toHaveLength(1);
        for (const p of PROIBIDO) expect(prompts[0]!.user).not.toMatch(p);
      });

      it("sends the template, saying why, when the model alters a fact", async () => {
        const redacao = caso.composed.redacao!;
        const numero = redacao.fatos.find((f) => /^\d+$/.test(f));
        const alvo = numero ?? redacao.fatos[0]!;
        const trocado = numero ? String(Number(numero) + 1) : "Outra Pessoa";
        const { llm } = mockLlm(() => boa({ ...redacao, fatos: redacao.fatos.map((f) => (f === alvo ? trocado : f)) }));
        const row = await rowFor(caso);
        const saved = await writeWithModel({ db: h.t.db, llm, now: h.clock.now }, row.id);
        expect(saved).toMatchObject({ corpo: row.corpo, escritaPor: "regras", escritaMotivo: `fato ausente: ${alvo}` });
      });

      it("sends the template when the model does not answer in time", async () => {
        const { llm } = mockLlm(() => ({ hang: true }), { timeoutMs: 50 });
        const row = await rowFor(caso);
        const saved = await writeWithModel({ db: h.t.db, llm, now: h.clock.now }, row.id);
        expect(saved).toMatchObject({ corpo: row.corpo, escritaPor: "regras", escritaMotivo: "tempo_esgotado" });
      });
    });
  }

  it("'Como foi a visita?' keeps its quick replies: the buttons' ids and their line follow the model's question", async () => {
    const caso = casos["'Como foi a visita?'"]!;
    const { llm } = mockLlm(() => "🏠 E aí, como foi a visita com Marina em 10/03 às 15h30 no AP-123?");
    const row = await rowFor(caso);
    const saved = (await writeWithModel({ db: h.t.db, llm, now: h.clock.now }, row.id))!;
    expect(saved.escritaPor).toBe("modelo:mock-1");
    const vars = quickReplyVariables(saved);
    expect(vars["1"]).toMatch(/^🏠 E aí, como foi a visita com Marina/);
    expect(vars["1"]).toContain("Toque em uma opção: o lead muda de etapa no painel.");
    expect([vars["2"], vars["3"], vars["4"]]).toEqual(["visita_ok:lead_1", "visita_nao:lead_1", "remarcar:lead_1"]);
  });

  it("the weekly summary without a first-response figure must keep the 'Já contatei' the broker is told to tap", () => {
    const { redacao } = composeResumoSemanal({
      ...weeklySummaryInput(remetente),
      desempenho: {
        recebidos: 3,
        contatados: 0,
        percentualContatados: 0,
        medianaPrimeiraRespostaMin: null,
        respostasMedidas: 0,
        visitasSolicitadas: 0,
        porStatus: [],
      },
      demanda: { bairros: [], tipos: [], faixasPreco: [] },
    });
    expect(redacao!.fatos).toContain("Já contatei");
  });
});
