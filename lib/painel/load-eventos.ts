// One page of /eventos as a manager reads it: each detection with its lead and broker, the
// Orquestrador's decision in words (describeDecision, as on the lead page) and what it produced —
// the WhatsApp messages, or why none went (held by the quota, grouped, scheduled, cancelled…).
import type { Scope } from "@/lib/auth/scope";
import type { Db } from "@/lib/db/client";
import type { Corretor } from "@/lib/db/queries/corretores";
import { listEventos, type EventoListado, type EventosBusca, type EventosCursor } from "@/lib/db/queries/eventos-lista";
import { listMensagensByIds, type MensagemDoEvento } from "@/lib/db/queries/mensagens-por-id";
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { describeDecision } from "./describe-decision";
import { statusMensagem, TIPO_EVENTO_ROTULO, TIPO_MENSAGEM_ROTULO, URGENCIA_ROTULO, type Tom } from "./rotulos";

export type EventoMensagem = { id: string; rotulo: string; status: { rotulo: string; tom: Tom }; href: string };

export type EventoItem = {
  id: string;
  tipo: string | null;
  titulo: string;
  descricao: string | null;
  urgencia: { rotulo: string; tom: Tom } | null;
  at: Date | null;
  /** nome null: a lead since passed to another broker, no longer the viewing broker's to read. */
  lead: { id: string; nome: string | null; href: string | null } | null;
  corretorNome: string | null;
  estado: { rotulo: string; tom: Tom };
  /** Why the Orquestrador did what it did; null while undecided. */
  decisao: string | null;
  mensagens: EventoMensagem[];
  /** Said when no message came of it (yet), and why. */
  semMensagem: string | null;
};

export type EventosOpcoes = {
  limiares: { quente: number; morno: number };
  timezone: string;
  /** The agency's brokers (limits for "retida pela cota diária (5/5)"). */
  corretores: Pick<Corretor, "id" | "preferencias">[];
};

export async function loadEventosPagina(
  db: Db,
  scope: Scope,
  busca: EventosBusca,
  pagina: { limit: number; apos?: EventosCursor },
  opcoes: EventosOpcoes,
): Promise<{ itens: EventoItem[]; proximos: EventosCursor | null }> {
  const { eventos, proximos } = await listEventos(db, scope, busca, pagina);
  const diretas = await listMensagensByIds(db, scope.imobiliariaId, eventos.flatMap(mensagemIdsOf));
  // A held alert is told later in a digest: read those digests too, to say where it went.
  const digestIds = diretas.map((m) => m.mensagemAgrupadaId).filter((id): id is string => Boolean(id));
  const digests = await listMensagensByIds(
    db,
    scope.imobiliariaId,
    digestIds.filter((id) => !diretas.some((m) => m.id === id)),
  );
  const porId = new Map([...diretas, ...digests].map((m) => [m.id, m]));
  const limites = new Map(opcoes.corretores.map((c) => [c.id, c.preferencias.limiteDiario]));
  return { itens: eventos.map((e) => toItem(e, scope, porId, limites, opcoes)), proximos };
}

function decisaoOf(e: EventoListado): Record<string, unknown> | null {
  const d = e.metadata?.decisao;
  return d && typeof d === "object" ? (d as Record<string, unknown>) : null;
}

/** The messages the decision wrote, then the digest that told the event. */
function mensagemIdsOf(e: EventoListado): string[] {
  const ids = decisaoOf(e)?.mensagemIds;
  const diretas = Array.isArray(ids) ? ids.filter((id): id is string => typeof id === "string") : [];
  return e.mensagemAgrupadaId ? [...diretas, e.mensagemAgrupadaId] : diretas;
}

function toItem(
  e: EventoListado,
  scope: Scope,
  porId: Map<string, MensagemDoEvento>,
  limites: Map<string, number>,
  opcoes: EventosOpcoes,
): EventoItem {
  const decisao = decisaoOf(e);
  const score = typeof e.metadata?.score === "number" ? e.metadata.score : e.leadScore;
  const texto = describeDecision(decisao, {
    score,
    limiares: opcoes.limiares,
    limiteDiario: (e.corretorId && limites.get(e.corretorId)) || null,
    timezone: opcoes.timezone,
    eventoTipo: e.tipo,
  });
  const ids = mensagemIdsOf(e);
  const mensagens: EventoMensagem[] = [];
  for (const id of ids) {
    const m = porId.get(id);
    if (!m) continue;
    mensagens.push(toMensagem(m, opcoes.timezone));
    const digest = m.mensagemAgrupadaId ? porId.get(m.mensagemAgrupadaId) : undefined;
    if (digest && !ids.includes(digest.id)) mensagens.push(toMensagem(digest, opcoes.timezone));
  }
  // A broker sees the events Lastro raised for them; a lead passed on since is the new broker's.
  const leadVisivel = scope.corretorId === null || e.leadCorretorId === scope.corretorId;
  return {
    id: e.id,
    tipo: e.tipo,
    titulo: (e.tipo && TIPO_EVENTO_ROTULO[e.tipo]) || e.titulo || "Evento",
    descricao: leadVisivel ? e.descricao : null,
    urgencia: e.urgencia ? (URGENCIA_ROTULO[e.urgencia] ?? null) : null,
    at: e.dataDeteccao,
    lead: e.leadId
      ? {
          id: e.leadId,
          nome: leadVisivel ? (e.leadNome ?? "Lead") : null,
          href: leadVisivel ? `/leads/${e.leadId}` : null,
        }
      : null,
    corretorNome: e.corretorNome,
    estado: estadoOf(e, decisao),
    decisao: texto ?? (e.processado ? "decidido, sem motivo registrado" : null),
    mensagens,
    semMensagem: mensagens.length ? null : semMensagemOf(e, decisao),
  };
}

function estadoOf(e: EventoListado, decisao: Record<string, unknown> | null): { rotulo: string; tom: Tom } {
  if (!e.processado) return { rotulo: "Aguardando decisão", tom: "alerta" };
  if (e.metadata?.cancelamento || decisao?.acao === "cancelado") return { rotulo: "Cancelado", tom: "neutro" };
  return { rotulo: "Decidido", tom: "sucesso" };
}

function semMensagemOf(e: EventoListado, decisao: Record<string, unknown> | null): string {
  if (!e.processado) return "Nenhuma mensagem ainda: o Orquestrador ainda não decidiu.";
  const cancelamento = e.metadata?.cancelamento as { motivo?: unknown } | undefined;
  if (cancelamento?.motivo === "lead_encerrado") return "Nenhuma mensagem: o lead foi encerrado antes do envio.";
  if (cancelamento) return "Nenhuma mensagem: o lead foi passado a outro corretor antes do envio.";
  if (decisao?.acao === "agrupar") return "Nenhuma mensagem ainda: aguarda a próxima mensagem agrupada.";
  return "Nenhuma mensagem saiu deste evento.";
}

function toMensagem(m: MensagemDoEvento, timezone: string): EventoMensagem {
  const dia = format(new TZDate(m.criadoEm.getTime(), timezone), "yyyy-MM-dd");
  const params = new URLSearchParams({ ...(m.corretorId ? { corretor: m.corretorId } : {}), de: dia, ate: dia });
  return {
    id: m.id,
    rotulo: TIPO_MENSAGEM_ROTULO[m.tipo] ?? m.tipo,
    status: statusMensagem(m, timezone),
    href: `/mensagens?${params.toString()}`,
  };
}
