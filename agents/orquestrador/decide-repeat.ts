// Repeat inquiries (the same person asking again) must not spam: a burst of them costs the broker
// at most one "voltou a perguntar" message per lead per day, and nothing while the lead's earlier
// outreach still waits. Pure, like decide.ts; process-evento.ts makes the message keys enforce it.
import { decide, decideUrgente, type DecideInput, type Decision } from "./decide";

/** What the Orquestrador read about the lead's earlier outreach to this broker (evento-context.ts). */
export type HistoricoRepeticao = {
  /** An alert still `agendada`/`pendente`/`enviando`, held by the quota and not yet in a digest, an
   *  event waiting for a digest, or an earlier event of the lead not decided yet. */
  aguardando: boolean;
  /** Today's (São Paulo day) "voltou a perguntar" message exists (`retorno:{lead}:{corretor}:{dia}`). */
  retornoHoje: boolean;
  /** An earlier event of this lead already asked for a visit. */
  visitaAnterior: boolean;
};

/**
 * Which unique key the message takes: `alerta` one per event (a first inquiry), `retorno` one per
 * lead, broker and day, `visita` the same for a repeat that asks for a visit for the first time.
 */
export type Chave = "alerta" | "retorno" | "visita";

export type RepeatInput = DecideInput & { repeticao: HistoricoRepeticao | null };

/** A repeat: the intake linked the delivery to an earlier lead (lead_retorno), or a visit request
 *  whose delivery is not the one that created the lead. */
export function isRepeatInquiry(
  evento: { tipo: string | null; metadata: Record<string, unknown> | null },
  lead: { metadata: unknown },
): boolean {
  if (evento.tipo === "lead_retorno") return true;
  if (evento.tipo !== "visita_solicitada") return false;
  const entregaDoEvento = evento.metadata?.entregaId;
  const entregaDoLead = (lead.metadata as { entregaId?: unknown } | null)?.entregaId;
  return typeof entregaDoEvento === "string" && typeof entregaDoLead === "string" && entregaDoEvento !== entregaDoLead;
}

export function decideWithRepeats(input: RepeatInput): { decision: Decision; chave: Chave } {
  const base = decide(input);
  const { repeticao, corretor } = input;
  if (!repeticao || !corretor || (base.acao !== "agora" && base.acao !== "agendar" && base.acao !== "agrupar")) {
    return { decision: base, chave: "alerta" };
  }
  // A first visit request is news even while something else waits; its own key keeps it to one a day.
  if (input.evento.tipo === "visita_solicitada" && !repeticao.visitaAnterior) {
    return { decision: decideUrgente(corretor.preferencias, input.now, input.timezone), chave: "visita" };
  }
  if (repeticao.aguardando) return { decision: { acao: "repetida", motivo: "aguardando_envio" }, chave: "retorno" };
  if (repeticao.retornoHoje) return { decision: { acao: "repetida", motivo: "ja_avisado_hoje" }, chave: "retorno" };
  // The broker was already told (or the lead only now warmed up): one direct message, not another
  // digest line every window; urgent timing, since a person who comes back is worth it once a day.
  return { decision: decideUrgente(corretor.preferencias, input.now, input.timezone), chave: "retorno" };
}
