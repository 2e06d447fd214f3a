// How long the lead waited for a broker: from its receipt to the first thing a person did about it
// (a contact, a status move, a note, a visit, or the tap on a message's short link, which comes first
// when the broker answers from WhatsApp). Handing the lead to another broker (or the SLA chain's re-route) is not a response.
import type { Interacao } from "@/lib/db/queries/interacoes";
import type { Lead } from "@/lib/db/queries/leads";
import { ACOES_SEM_RESPOSTA, RESPOSTA_DO_CORRETOR_TIPOS, type InteracaoTipo } from "@/lib/db/schema";

export type PrimeiraResposta = { em: Date; minutos: number };

const ACOES_DO_CORRETOR: ReadonlySet<InteracaoTipo> = new Set(RESPOSTA_DO_CORRETOR_TIPOS);
const SEM_RESPOSTA: ReadonlySet<unknown> = new Set(ACOES_SEM_RESPOSTA);

export function firstResponse(
  lead: Pick<Lead, "dataPrimeiroContato">,
  interacoes: Pick<Interacao, "tipo" | "data" | "metadata">[],
): PrimeiraResposta | null {
  const recebido = lead.dataPrimeiroContato;
  if (!recebido) return null;
  let primeira: Date | null = null;
  for (const i of interacoes) {
    if (!i.tipo || !ACOES_DO_CORRETOR.has(i.tipo) || !i.data || i.data < recebido) continue;
    if (SEM_RESPOSTA.has((i.metadata as { acao?: unknown } | null)?.acao)) continue;
    if (!primeira || i.data < primeira) primeira = i.data;
  }
  if (!primeira) return null;
  return { em: primeira, minutos: Math.max(0, Math.round((primeira.getTime() - recebido.getTime()) / 60_000)) };
}

/** "8 min", "2 h 05 min", "3 d 4 h". */
export function duracaoTexto(minutos: number): string {
  if (minutos < 60) return `${minutos} min`;
  const horas = Math.floor(minutos / 60);
  if (horas < 24) return `${horas} h ${String(minutos % 60).padStart(2, "0")} min`;
  return `${Math.floor(horas / 24)} d ${horas % 24} h`;
}
