// A lead handed from one broker to another, whoever asks ("Passar adiante" on WhatsApp, a manager's
// "Reatribuir" on the lead page): inside the caller's transaction, the lead changes hands, nothing
// more about it reaches the old broker, the timeline says who did it, and the new broker gets an
// event the Orquestrador decides like a new lead's.
import type { LeadReceived } from "@/agents/pipeline-events";
import type { Db } from "@/lib/db/client";
import type { Corretor } from "@/lib/db/queries/corretores";
import { insertEvento, listEventosByLead } from "@/lib/db/queries/eventos";
import { insertInteracao } from "@/lib/db/queries/interacoes";
import type { Lead } from "@/lib/db/queries/leads";
import { reassignLead } from "@/lib/db/queries/leads-resposta";
import type { EventoTipo } from "@/lib/db/schema";
import { cancelPendentesDoLead, MOTIVO_LEAD_REPASSADO } from "./cancel-pendentes-do-lead";

const EVENTOS_DE_LEAD: ReadonlySet<EventoTipo> = new Set(["novo_lead", "lead_retorno", "visita_solicitada"]);

export type HandOverInput = {
  imobiliariaId: string;
  lead: Lead;
  /** The broker it leaves (null: a lead nobody had). */
  de: Pick<Corretor, "id" | "nome"> | null;
  para: Pick<Corretor, "id" | "nome">;
  now: Date;
  /** The timeline line and what it records besides who moved it where. */
  conteudo: string;
  metadata: Record<string, unknown>;
  /** What the old broker's cancelled messages say on their card (default: a "Passar adiante"). */
  motivoCancelamento?: string;
};

export type HandOver = {
  lead: Lead;
  /** The new broker's event, to dispatch as `lead/received` once committed. */
  leadRecebido: LeadReceived;
  /** `mensagens_dia` slots of the old broker's cancelled messages, to give back in KV once committed. */
  giveBackQuota: { corretorId: string; usedAt: Date[] } | null;
};

/** Null when the lead no longer belongs to `de` (someone moved it first): nothing written. */
export async function handOverLead(tx: Db, input: HandOverInput): Promise<HandOver | null> {
  const { lead, de, para, now, imobiliariaId } = input;
  const moved = await reassignLead(tx, lead, de?.id ?? null, para.id, now);
  if (!moved) return null;

  // Nothing more about this lead may reach the old broker: no scheduled alert, reminder or digest line.
  const motivo = {
    codigo: MOTIVO_LEAD_REPASSADO,
    mensagem: input.motivoCancelamento ?? `Lead repassado para ${para.nome} (Passar adiante).`,
    extra: { para: para.id },
  };
  const cancelados = de ? await cancelPendentesDoLead(tx, { leadId: lead.id, de, motivo, now }) : null;
  await insertInteracao(tx, {
    leadId: lead.id,
    tipo: "nota",
    data: now,
    conteudo: input.conteudo,
    metadata: {
      de: de?.id ?? null,
      para: para.id,
      ...input.metadata,
      ...(cancelados?.mensagemIds.length ? { mensagensCanceladas: cancelados.mensagemIds } : {}),
      ...(cancelados?.eventoIds.length ? { agrupamentosCancelados: cancelados.eventoIds } : {}),
      ...(cancelados?.naoDecididoIds.length ? { eventosCancelados: cancelados.naoDecididoIds } : {}),
    },
  });
  // The new broker is alerted like for a new lead: an unprocessed event the Orquestrador decides.
  const anterior = (await listEventosByLead(tx, imobiliariaId, lead.id)).findLast(
    (e) => e.tipo && EVENTOS_DE_LEAD.has(e.tipo),
  );
  const roteamento = input.metadata.roteamento;
  const evento = await insertEvento(tx, {
    imobiliariaId,
    tipo: anterior?.tipo ?? "novo_lead",
    urgencia: anterior?.urgencia ?? "media",
    corretorId: para.id,
    leadId: lead.id,
    dataDeteccao: now,
    titulo: `Lead repassado: ${lead.nome}`,
    descricao: `${de?.nome ?? "A gestão"} passou ${lead.nome} (score ${lead.score ?? 0}) para ${para.nome}.`,
    acaoRecomendada: "Entre em contato com o lead o quanto antes.",
    metadata: {
      repassadoDe: de?.id ?? null,
      ...(roteamento ? { roteamento } : {}),
      origem: lead.origem,
      score: lead.score ?? 0,
    },
  });
  return {
    lead: moved,
    leadRecebido: { eventoId: evento.id, leadId: lead.id, imobiliariaId, corretorId: para.id },
    giveBackQuota: de && cancelados ? { corretorId: de.id, usedAt: cancelados.quotaSlots } : null,
  };
}
