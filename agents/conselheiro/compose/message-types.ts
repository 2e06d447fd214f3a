// The shapes every message writer takes and returns (see templates.ts for the MessageWriter seam).
import type { Desempenho } from "@/agents/analista/performance-calculator";
import type { Redacao } from "@/lib/domain/redacao";

export type Botao = { id: string; titulo: string };

/**
 * What the sender needs: free text for the 24-hour session window, quick-reply buttons, and the
 * numbered variables ("1", "2", …) of the matching Twilio Content template for outside it.
 */
export type ComposedMessage = {
  corpo: string;
  botoes: Botao[];
  templateVariaveis: Record<string, string>;
  /** Set when a model may rewrite the body in its own words (lib/domain/redacao.ts). */
  redacao?: Redacao;
};

/** A message to a manager's login (no buttons): its text, and what a model may rewrite of it. */
export type MensagemGestao = Pick<ComposedMessage, "corpo" | "redacao">;

/** Who answers the lead: the message's broker, named in the greeting the WhatsApp link pre-fills. */
export type Remetente = { corretorId: string; corretorNome: string; imobiliariaNome: string };

/** One lead as a line of a list. The phone only ever decides whether there is a WhatsApp link; no e-mail here at all. */
export type LeadLinha = { id: string; nome: string; origem: string | null; score: number; telefone: string | null };

export type ImovelRef = { titulo: string | null; codigo: string | null; bairro: string | null };

/** A score factor as the Vigilante stored it (`leads.metadata.score.fatores`). */
export type FatorScore = { points: number; explicacao: string };

export type NovoLeadInput = {
  tipo: "novo_lead" | "lead_retorno" | "visita_solicitada";
  lead: LeadLinha;
  fatores: FatorScore[];
  imovel: ImovelRef | null;
  /** What the lead wrote on the portal. */
  mensagem: string | null;
  remetente: Remetente;
  /** Set when the alert waited (quiet hours, pause): the message says when the lead arrived. */
  recebidoEm?: { em: Date; timezone: string } | null;
  /** A repeat inquiry's one message of the day: how many inquiries so far, and that more stay in the history. */
  repeticao?: { consultas: number | null } | null;
};

export type AgrupadaInput = {
  /** Warm leads grouped in the window. */
  leads: LeadLinha[];
  /** Alerts the daily quota held back, told here instead. */
  retidos: LeadLinha[];
  desde: Date;
  agora: Date;
  timezone: string;
  limiteDiario: number;
  remetente: Remetente;
};

export type LembreteInput = {
  lead: LeadLinha;
  imovel: ImovelRef | null;
  recebidoEm: Date;
  timezone: string;
  remetente: Remetente;
};

export type ResumoDiarioInput = {
  /** The leads counted, [desde, ate): one local day, or several after days off ("de 21/11 a 23/11"). */
  periodo: { desde: Date; ate: Date };
  timezone: string;
  contagem: {
    novos: number;
    quentes: number;
    mornos: number;
    frios: number;
    contatados: number;
    visitasSolicitadas: number;
  };
  /** Alerts the quota held back, lead still without contact. */
  retidos: LeadLinha[];
  /** Asked for a visit, still without contact (and not among `retidos`). */
  pediramVisita: LeadLinha[];
  /** Cold leads, told only in this summary, still without contact. */
  frios: LeadLinha[];
  /** Every other lead still without contact (already alerted). */
  semContato: LeadLinha[];
  /** Follow-ups come due today (the cadence of `followUpDias`), each with its next step. */
  followUps?: (LeadLinha & { proximoPasso: string | null })[];
  /** Visits scheduled for today, in time order. */
  visitasHoje?: (LeadLinha & { visitaEm: Date })[];
  limiteDiario: number;
  remetente: Remetente;
};

export type ItemDemanda = { nome: string; leads: number };

export type ResumoSemanalInput = {
  /** Monday to Monday, [desde, ate). */
  semana: { desde: Date; ate: Date };
  timezone: string;
  /** The week's PerformanceCalculator result, as computed. */
  desempenho: Desempenho;
  demanda: { bairros: ItemDemanda[]; tipos: ItemDemanda[]; faixasPreco: ItemDemanda[] };
  remetente: Remetente;
};

/** The quick replies a broker can give to an alert about one lead (ids parsed by the inbound webhook). */
export function leadButtons(leadId: string): Botao[] {
  return [
    { id: `ja_contatei:${leadId}`, titulo: "Já contatei" },
    { id: `passar:${leadId}`, titulo: "Passar adiante" },
    { id: `lembrar:${leadId}`, titulo: "Lembrar em 1h" },
  ];
}

/** A follow-up come due for a hot lead (`follow_up_vencido` decided as an alert). */
export type FollowUpInput = {
  lead: LeadLinha;
  /** The lead's stage, as the dashboard names it ("Em contato"). */
  etapa: string;
  ultimaInteracao: Date;
  /** Whole local days since the last interaction. */
  dias: number;
  proximoPasso: string;
  imovel: ImovelRef | null;
  timezone: string;
  remetente: Remetente;
};

/** A visit the broker scheduled: the reminder before it and the question after it. */
export type VisitaInput = {
  lead: LeadLinha;
  visitaEm: Date;
  imovel: ImovelRef | null;
  timezone: string;
  remetente: Remetente;
};

/** The quick replies of "Como foi a visita?" (ids parsed by the inbound webhook, parse-broker-reply.ts). */
export function posVisitaButtons(leadId: string): Botao[] {
  return [
    { id: `visita_ok:${leadId}`, titulo: "Visita realizada" },
    { id: `visita_nao:${leadId}`, titulo: "Não foi / perdido" },
    { id: `remarcar:${leadId}`, titulo: "Remarcar" },
  ];
}
