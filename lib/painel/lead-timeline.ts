// One timeline for the lead page: interações (what people said and did, status moves included),
// eventos (what the Vigilante detected, with the Orquestrador's decision in words) and the WhatsApp
// messages to the broker (with their status), merged newest first.
import type { Evento } from "@/lib/db/queries/eventos";
import type { Interacao } from "@/lib/db/queries/interacoes";
import type { Mensagem } from "@/lib/db/queries/mensagens";
import type { InteracaoTipo, LeadStatus } from "@/lib/db/schema";
import { INTENCAO_ROTULO, SENTIMENTO_ROTULO, type Sentimento } from "@/lib/domain/analise-conversa";
import {
  escritaMensagem,
  STATUS_LEAD,
  statusMensagem,
  TIPO_EVENTO_ROTULO,
  TIPO_MENSAGEM_ROTULO,
  URGENCIA_ROTULO,
  type Tom,
} from "./rotulos";
import { lerAnalise } from "./ultima-analise";

export type TimelineOrigem = "interacao" | "evento" | "mensagem";

export type TimelineItem = {
  id: string;
  origem: TimelineOrigem;
  /** For an interação, its tipo; for an event, its tipo; for a message, its tipo. */
  tipo: string;
  at: Date;
  titulo: string;
  texto: string | null;
  badge: { rotulo: string; tom: Tom } | null;
  /** Events only: why the Orquestrador did what it did; null while undecided. */
  decisao: string | null;
  /** Messages only: when it left for the broker. */
  enviadaEm: Date | null;
  /** Messages only: which engine wrote it ("Escrita pela IA (…)" / "Modelo de texto (…)"), once sent. */
  escrita?: string | null;
};

const TITULO_INTERACAO: Record<InteracaoTipo, string> = {
  mensagem_portal: "Mensagem pelo portal",
  nova_consulta: "Nova consulta pelo portal",
  contato_corretor: "Contato do corretor",
  resposta_whatsapp: "Resposta do lead",
  nota: "Nota",
  visita: "Visita",
  mudanca_status: "Mudança de status",
  toque_link: "Corretor tocou no link da mensagem",
};

// Same instant: the detection before its decision's message, the message before the broker's action.
const ORDEM: Record<TimelineOrigem, number> = { interacao: 2, mensagem: 1, evento: 0 };

export function buildLeadTimeline(input: {
  interacoes: Interacao[];
  eventos: Evento[];
  mensagens: Mensagem[];
  decisao: (evento: Evento) => string | null;
  timezone: string;
}): TimelineItem[] {
  const items: TimelineItem[] = [
    ...input.interacoes.map(fromInteracao),
    ...input.eventos.map((e) => fromEvento(e, input.decisao(e))),
    ...input.mensagens.map((m) => fromMensagem(m, input.timezone)),
  ];
  return items.sort((a, b) => b.at.getTime() - a.at.getTime() || ORDEM[b.origem] - ORDEM[a.origem]);
}

function fromInteracao(i: Interacao): TimelineItem {
  const para = (i.metadata as { para?: unknown } | null)?.para;
  const status = typeof para === "string" && para in STATUS_LEAD ? STATUS_LEAD[para as LeadStatus] : null;
  return {
    id: `i-${i.id}`,
    origem: "interacao",
    tipo: i.tipo ?? "interacao",
    at: i.data ?? new Date(0),
    titulo: i.tipo ? TITULO_INTERACAO[i.tipo] : "Interação",
    texto: i.conteudo,
    badge: i.tipo === "mudanca_status" || i.tipo === "contato_corretor" ? status : badgeDaAnalise(i),
    decisao: null,
    enviadaEm: null,
  };
}

const TOM_SENTIMENTO: Record<Sentimento, Tom> = { positivo: "sucesso", neutro: "neutro", negativo: "erro" };

/** What someone wrote, read by the ConversationAnalyzer: its intent and sentiment in one badge. */
function badgeDaAnalise(i: Interacao): TimelineItem["badge"] {
  const analise = lerAnalise(i);
  if (!analise) return null;
  return {
    rotulo: `${INTENCAO_ROTULO[analise.intencao]} · ${SENTIMENTO_ROTULO[analise.sentimento]}`,
    tom: TOM_SENTIMENTO[analise.sentimento],
  };
}

function fromEvento(e: Evento, decisao: string | null): TimelineItem {
  return {
    id: `e-${e.id}`,
    origem: "evento",
    tipo: e.tipo ?? "evento",
    at: e.dataDeteccao ?? new Date(0),
    titulo: (e.tipo && TIPO_EVENTO_ROTULO[e.tipo]) || e.titulo || "Evento",
    texto: e.descricao,
    badge: e.urgencia ? (URGENCIA_ROTULO[e.urgencia] ?? null) : null,
    decisao: decisao ?? (e.processado ? null : "aguardando a decisão do Orquestrador"),
    enviadaEm: null,
  };
}

function fromMensagem(m: Mensagem, timezone: string): TimelineItem {
  return {
    id: `m-${m.id}`,
    origem: "mensagem",
    tipo: m.tipo,
    at: m.criadoEm,
    titulo: `WhatsApp ${m.corretorId ? "ao corretor" : "à gestão"}: ${TIPO_MENSAGEM_ROTULO[m.tipo] ?? m.tipo}`,
    texto: null,
    badge: statusMensagem(m, timezone),
    decisao: null,
    enviadaEm: m.sentAt,
    escrita: escritaMensagem(m),
  };
}
