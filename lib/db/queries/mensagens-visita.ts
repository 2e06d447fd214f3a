// The visit messages still waiting (the reminder before, "Como foi a visita?" after): a new date or a
// move out of `visita_agendada` cancels them, in the caller's transaction, with the reason on the card.
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../client";
import { mensagens, type MensagemTipo } from "../schema";
import { idSchema } from "./columns";

export const VISITA_TIPOS: MensagemTipo[] = ["lembrete_visita", "pos_visita"];

/** Cancels the lead's unsent visit messages; returns their ids. Quota-free kinds: no slot to give back. */
export async function cancelMensagensDeVisita(
  tx: Db,
  leadId: string,
  motivo: { codigo: string; mensagem: string },
  now: Date,
): Promise<string[]> {
  const rows = await tx
    .update(mensagens)
    .set({
      status: "cancelada",
      erroCodigo: motivo.codigo.slice(0, 20),
      erroMensagem: motivo.mensagem,
      atualizadoEm: now,
    })
    .where(
      and(
        eq(mensagens.leadId, idSchema.parse(leadId)),
        inArray(mensagens.tipo, VISITA_TIPOS),
        inArray(mensagens.status, ["agendada", "pendente"]),
      ),
    )
    .returning({ id: mensagens.id });
  return rows.map((r) => r.id);
}
