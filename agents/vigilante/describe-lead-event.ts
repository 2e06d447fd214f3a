// What the Vigilante says about a delivery: which event it is, how urgent, and the pt-BR
// title, description and recommended action a broker or manager reads.
import type { EventoTipo, Urgencia } from "@/lib/db/schema";
import { origemLabel } from "@/lib/portals/origem-label";
import type { LeadType } from "@/lib/portals/normalized-lead";

export type LeadEventInput = {
  nome: string;
  origem: string;
  leadType: LeadType | null;
  mensagem: string | null;
  score: number;
  /** The same person asked before (within 90 days); this delivery links to that lead. */
  retorno: { consultasAnteriores: number } | null;
  imovel: { codigo: string | null; titulo: string | null; bairro: string | null } | null;
  corretorNome: string | null;
  telefoneValido: boolean;
};

export type LeadEventDescription = {
  tipo: Extract<EventoTipo, "novo_lead" | "lead_retorno" | "visita_solicitada">;
  urgencia: Urgencia;
  titulo: string;
  descricao: string;
  acaoRecomendada: string;
};

const VISIT_TYPES: ReadonlySet<LeadType> = new Set(["VISIT_REQUEST", "CLICK_SCHEDULE"]);

export function isVisitRequest(leadType: LeadType | null): boolean {
  return leadType !== null && VISIT_TYPES.has(leadType);
}

function urgenciaFor(score: number, visita: boolean): Urgencia {
  if (visita || score >= 80) return "alta";
  if (score >= 50) return "media";
  return "baixa";
}

function imovelText(imovel: LeadEventInput["imovel"]): string {
  if (!imovel?.codigo && !imovel?.titulo) return "sem imóvel identificado";
  const nome = imovel.titulo ?? `imóvel ${imovel.codigo}`;
  return imovel.bairro ? `${nome} (${imovel.bairro})` : nome;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** One event per delivery: a visit request wins, then a returning person, else a new lead. */
export function describeLeadEvent(input: LeadEventInput): LeadEventDescription {
  const visita = isVisitRequest(input.leadType);
  const portal = origemLabel(input.origem);
  const quem = input.corretorNome ? `Responsável: ${input.corretorNome}.` : "Ainda sem corretor responsável.";
  const pedido = input.mensagem ? ` Mensagem: "${truncate(input.mensagem, 280)}"` : "";
  const telefone = input.telefoneValido
    ? ""
    : " Atenção: o telefone informado parece inválido; confira antes de ligar.";
  const base = `${input.nome} via ${portal}, ${imovelText(input.imovel)}. Score ${input.score}/100. ${quem}${pedido}${telefone}`;

  if (visita) {
    return {
      tipo: "visita_solicitada",
      urgencia: urgenciaFor(input.score, true),
      titulo: truncate(`${input.nome} quer visitar ${imovelText(input.imovel)}`, 500),
      descricao: base,
      acaoRecomendada: "Responda em até 15 minutos e proponha dois horários de visita.",
    };
  }
  if (input.retorno) {
    const vezes = input.retorno.consultasAnteriores + 1;
    return {
      tipo: "lead_retorno",
      urgencia: urgenciaFor(input.score, false),
      titulo: truncate(`${input.nome} voltou a procurar (${vezes}ª consulta)`, 500),
      descricao: base,
      acaoRecomendada: "Retome a conversa com o histórico em mãos: o interesse continua ativo.",
    };
  }
  return {
    tipo: "novo_lead",
    urgencia: urgenciaFor(input.score, false),
    titulo: truncate(`Novo lead: ${input.nome} (${portal})`, 500),
    descricao: base,
    acaoRecomendada:
      input.score >= 70
        ? "Lead quente: entre em contato agora pelo WhatsApp."
        : "Entre em contato ainda hoje e entenda o que a pessoa procura.",
  };
}
