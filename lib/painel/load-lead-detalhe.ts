// Everything the lead page shows about one lead, read in parallel once the lead is known to be in
// the login's scope: the score's factors, the first response and one timeline merging interações,
// eventos (with the Orquestrador's decision in words) and mensagens, newest first.
// The timeline is paged (the newest TIMELINE_RECENTES items unless the whole history is asked for):
// a lead with hundreds of items made a page of half a megabyte. Interações and eventos are still read
// whole, as the first response and the digests that told the lead's events need them; only the
// rendering and the messages (the biggest rows) are cut.
import type { Scope } from "@/lib/auth/scope";
import { isInScope } from "@/lib/auth/scope";
import type { Db } from "@/lib/db/client";
import { getCorretorById, type Corretor } from "@/lib/db/queries/corretores";
import { listEventosByLead, type Evento } from "@/lib/db/queries/eventos";
import { getImovelById, type Imovel } from "@/lib/db/queries/imoveis";
import { listInteracoesDoLead, type Interacao } from "@/lib/db/queries/interacoes";
import { getLeadById, type Lead } from "@/lib/db/queries/leads";
import { listMensagensDoLead, type Mensagem } from "@/lib/db/queries/mensagens";
import { describeDecision } from "./describe-decision";
import { explainScore, type FatorExplicado } from "./explain-score";
import { firstResponse, type PrimeiraResposta } from "./first-response";
import { buildLeadTimeline, type TimelineItem } from "./lead-timeline";
import { ultimaAnalise, type UltimaAnalise } from "./ultima-analise";

export type LeadDetalhe = {
  lead: Lead;
  corretor: Pick<Corretor, "id" | "nome" | "telefone"> | null;
  imovel: Pick<Imovel, "id" | "codigo" | "titulo" | "preco" | "bairro" | "cidade" | "finalidade"> | null;
  fatores: FatorExplicado[];
  primeiraResposta: PrimeiraResposta | null;
  /** The ConversationAnalyzer's reading of the newest analysed interação. */
  analise: UltimaAnalise | null;
  /** Every interação, newest first, as read for the timeline (the reply draft reuses them). */
  interacoes: Interacao[];
  timeline: TimelineItem[];
  /** Older items exist beyond `timeline` (the page offers the whole history). */
  historicoCortado: boolean;
};

/** How many timeline items the lead page shows before "Ver histórico completo". */
export const TIMELINE_RECENTES = 50;

export type LeadDetalheOpcoes = {
  limiares: { quente: number; morno: number };
  timezone: string;
  /** The whole history instead of the newest TIMELINE_RECENTES items. */
  historicoCompleto?: boolean;
};

/** Null when the lead does not exist, is another agency's or (for a broker) another broker's: the page's 404. */
export async function loadLeadDetalhe(
  db: Db,
  scope: Scope,
  leadId: string,
  opcoes: LeadDetalheOpcoes,
): Promise<LeadDetalhe | null> {
  const lead = await getLeadById(db, scope.imobiliariaId, leadId).catch(() => null);
  if (!lead || !isInScope(scope, lead)) return null;

  const [corretor, imovel, interacoes, eventos] = await Promise.all([
    lead.corretorId ? getCorretorById(db, scope.imobiliariaId, lead.corretorId) : null,
    lead.imovelId ? getImovelById(db, scope.imobiliariaId, lead.imovelId) : null,
    listInteracoesDoLead(db, lead.id),
    listEventosByLead(db, scope.imobiliariaId, lead.id),
  ]);
  const agrupadas = eventos.map((e) => e.mensagemAgrupadaId).filter((id): id is string => Boolean(id));
  const limite = opcoes.historicoCompleto ? null : TIMELINE_RECENTES;
  // One more than shown: the newest `limite` merged items are among the newest `limite` + 1 messages,
  // and the extra one tells whether anything was cut.
  const mensagens = limite
    ? await listMensagensDoLead(db, scope.imobiliariaId, lead.id, agrupadas, limite + 1)
    : await listMensagensDoLead(db, scope.imobiliariaId, lead.id, agrupadas);
  const timeline = buildLeadTimeline({
    interacoes,
    eventos,
    mensagens,
    timezone: opcoes.timezone,
    decisao: (e: Evento) =>
      describeDecision(e.metadata?.decisao, {
        score: eventoScore(e) ?? lead.score,
        limiares: opcoes.limiares,
        limiteDiario: corretor?.preferencias.limiteDiario ?? null,
        timezone: opcoes.timezone,
        eventoTipo: e.tipo,
      }),
  });

  return {
    lead,
    corretor: corretor ? { id: corretor.id, nome: corretor.nome, telefone: corretor.telefone } : null,
    imovel,
    fatores: explainScore(lead),
    primeiraResposta: firstResponse(lead, interacoes),
    analise: ultimaAnalise(interacoes),
    interacoes,
    timeline: limite ? timeline.slice(0, limite) : timeline,
    historicoCortado: limite !== null && timeline.length > limite,
  };
}

function eventoScore(e: Evento): number | null {
  const score = (e.metadata as { score?: unknown } | null)?.score;
  return typeof score === "number" ? score : null;
}

export type { FatorExplicado, Interacao, Mensagem, PrimeiraResposta, TimelineItem, UltimaAnalise };
