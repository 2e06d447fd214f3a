// What still waited for a broker about a lead that is no longer theirs to chase (passed on with
// "Passar adiante" or reassigned; closed or lost), taken back in the caller's transaction: unsent
// alerts and reminders become `cancelada`, grouped events leave the digest.
import type { Db } from "@/lib/db/client";
import type { Corretor } from "@/lib/db/queries/corretores";
import { cancelAgrupamentoDoLead, cancelEventosNaoDecididos } from "@/lib/db/queries/eventos";
import { lockCorretorQuota, QUOTA_TIPOS } from "@/lib/db/queries/mensagens-quota";
import { cancelMensagensNaoEnviadas, SOBRE_UM_LEAD } from "@/lib/db/queries/mensagens-resposta";
import { UNCONFIRMED } from "../send/send-policy";

export const MOTIVO_LEAD_REPASSADO = "lead_repassado";
export const MOTIVO_LEAD_ENCERRADO = "lead_encerrado";

/** Why: `codigo` and `mensagem` (pt-BR, shown on the message card) on each message, `codigo` and `extra` on each event. */
export type MotivoCancelamento = { codigo: string; mensagem: string; extra?: Record<string, unknown> };

export type PendentesCancelados = {
  mensagemIds: string[];
  /** Grouped events taken out of the broker's next digest. */
  eventoIds: string[];
  /** Events of the lead the Orquestrador had not decided yet: decided `cancelado`, no alert. */
  naoDecididoIds: string[];
  /** When each cancelled message had taken its quota slot, to give the KV slot back once committed. */
  quotaSlots: Date[];
};

/**
 * A digest (`agrupada`) already written but not yet sent that lists this lead is left as it is: it
 * covers other leads and spent one slot for all of them, and rewriting it would mean composing it
 * again, and it normally leaves within seconds of being written.
 */
export async function cancelPendentesDoLead(
  tx: Db,
  input: { leadId: string; de: Pick<Corretor, "id">; motivo: MotivoCancelamento; now: Date },
): Promise<PendentesCancelados> {
  const alvo = { corretorId: input.de.id, leadId: input.leadId };
  const dosLeads = { corretorId: input.de.id, leadIds: [input.leadId] };
  const cancelamento = { motivo: input.motivo.codigo, ...input.motivo.extra, em: input.now.toISOString() };
  // The old broker's digest flush reads its waiting events under this lock: it either wrote its
  // digest first (the events are in it, nothing to cancel) or sees them cancelled.
  await lockCorretorQuota(tx, input.de.id);
  // First, so an alert being decided right now (its event row locked) is committed before the
  // messages below are read, and an event not yet decided never becomes one.
  const naoDecididoIds = await cancelEventosNaoDecididos(tx, dosLeads, cancelamento);
  // Only the broker's alerts and reminders about the lead, the kinds that carry its buttons.
  const mensagens = await cancelMensagensNaoEnviadas(
    tx,
    dosLeads,
    { codigo: input.motivo.codigo, mensagem: input.motivo.mensagem, tipos: SOBRE_UM_LEAD, naoConfirmado: UNCONFIRMED },
    input.now,
  );
  const eventoIds = await cancelAgrupamentoDoLead(tx, alvo, cancelamento);
  // Only a `pendente` alert had taken a slot (scheduled and held ones take theirs when released).
  const quotaSlots = mensagens
    .filter((m) => m.statusAnterior === "pendente" && QUOTA_TIPOS.includes(m.tipo))
    .map((m) => m.scheduledFor ?? m.criadoEm);
  return { mensagemIds: mensagens.map((m) => m.id), eventoIds, naoDecididoIds, quotaSlots };
}
