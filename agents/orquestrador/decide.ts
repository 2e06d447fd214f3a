// The Orquestrador's priority rules (seed: "enviar agora" or "agendar para depois"), as a pure
// function of the event, the lead, the broker's preferences, the agency's settings and the clock.
import type { EventoTipo, LeadStatus } from "@/lib/db/schema";
import type { ConfiguracoesImobiliaria } from "@/lib/domain/configuracoes-imobiliaria";
import type { Preferencias } from "@/lib/domain/preferencias";
import { isOnDuty, isPaused, nextDutyStart } from "@/lib/time/working-hours";

export type Decision =
  | { acao: "agora" }
  | { acao: "agrupar"; janelaFechaEm: Date }
  | { acao: "agendar"; quando: Date; motivo: "fora_do_expediente" | "pausado" }
  | { acao: "so_resumo" }
  | { acao: "sem_corretor" }
  /** A repeat inquiry that adds nothing to send: timeline only (decide-repeat.ts). */
  | { acao: "repetida"; motivo: MotivoRepetida };

/** Why a repeat inquiry sends nothing: the lead's earlier outreach still waits, or today's repeat message went. */
export type MotivoRepetida = "aguardando_envio" | "ja_avisado_hoje";

export type DecideInput = {
  evento: { tipo: EventoTipo | null };
  lead: { score: number | null; status: LeadStatus | null };
  corretor: { ativo: boolean | null; preferencias: Preferencias } | null;
  configuracoes: Pick<ConfiguracoesImobiliaria, "scoreQuente" | "scoreMorno">;
  timezone: string;
  now: Date;
};

export type Prioridade = "quente" | "morno" | "frio";

// A closed or lost lead needs no interruption; it still shows in the summary and the dashboard.
const ENCERRADOS: ReadonlySet<LeadStatus> = new Set(["fechado", "perdido"]);

export function classifyPrioridade(input: Pick<DecideInput, "evento" | "lead" | "configuracoes">): Prioridade {
  if (input.lead.status && ENCERRADOS.has(input.lead.status)) return "frio";
  const score = input.lead.score ?? 0;
  if (input.evento.tipo === "visita_solicitada" || score >= input.configuracoes.scoreQuente) return "quente";
  if (score >= input.configuracoes.scoreMorno) return "morno";
  return "frio";
}

export function decide(input: DecideInput): Decision {
  const { corretor, now, timezone } = input;
  if (!corretor || corretor.ativo === false) return { acao: "sem_corretor" };
  const prefs = corretor.preferencias;
  const prioridade = classifyPrioridade(input);
  if (prioridade === "frio") return { acao: "so_resumo" };
  // A follow-up is a nudge, not news: a hot lead's is an alert (quota and hours as any alert), the
  // rest wait for the daily summary's "follow-ups de hoje" instead of a digest line.
  if (input.evento.tipo === "follow_up_vencido") {
    return prioridade === "quente" ? decideUrgente(prefs, now, timezone) : { acao: "so_resumo" };
  }

  if (prioridade === "morno") {
    // Warm leads always wait for a digest: scheduling each one for the start of the shift would
    // wake the broker with N alerts (and N quota slots) instead of one grouped message.
    const fecha = new Date(now.getTime() + prefs.agrupamento.janelaMinutos * 60_000);
    const inicio = nextDutyStart(prefs, now, timezone);
    return { acao: "agrupar", janelaFechaEm: inicio > fecha ? inicio : fecha };
  }

  return decideUrgente(prefs, now, timezone);
}

/** When an urgent message goes: now, or held for the end of a pause or the next shift start. */
export function decideUrgente(
  prefs: Preferencias,
  now: Date,
  timezone: string,
): Extract<Decision, { acao: "agora" | "agendar" }> {
  const podeQuebrar = prefs.silencio === "urgente_pode_quebrar";
  if (isPaused(prefs, now)) {
    // A pause is the broker's explicit choice: held until it ends, then the usual hours apply
    // unless the broker lets urgent leads through.
    const fim = new Date(prefs.pausadoAte!);
    return { acao: "agendar", quando: podeQuebrar ? fim : nextDutyStart(prefs, now, timezone), motivo: "pausado" };
  }
  if (isOnDuty(prefs, now, timezone) || podeQuebrar) return { acao: "agora" };
  return { acao: "agendar", quando: nextDutyStart(prefs, now, timezone), motivo: "fora_do_expediente" };
}
