// A lead's own WhatsApp message to our number (the sender is no broker): kept as a `resposta_whatsapp`
// interação on the most recent lead with that phone whose broker has been told about it, once per
// Twilio MessageSid, then handed to the ConversationAnalyzer after the commit. We never answer the
// lead: the broker talks to them. It moves the lead's last interaction (the follow-up cadence starts
// again) but is no first response of the broker (not in RESPOSTA_DO_CORRETOR_TIPOS): the SLA chain goes on.
// "Pare" / "não quero contato" also opts the person out (agents/vigilante/opt-out.ts).
import { z } from "zod";
import type { Dispatch } from "@/agents/pipeline-events";
import type { Db } from "@/lib/db/client";
import { hasInteracaoDaMensagem, insertInteracao } from "@/lib/db/queries/interacoes";
import { findLeadAlertadoPorTelefone } from "@/lib/db/queries/leads-remetente";
import { touchLeadInteracao } from "@/lib/db/queries/leads-resposta";
import { lockInboundMessage } from "@/lib/db/queries/mensagens-resposta";
import { log } from "@/lib/log";
import { isOptOutText, optOutLeads } from "@/agents/vigilante/opt-out";
import { findLeadsDoTitular } from "@/lib/db/queries/retencao";
import { senderPhoneCandidates } from "../send/resolve-sender";

export type LeadReplyDeps = { db: Db; now: () => Date; dispatch: Dispatch };
export type LeadReplyResult =
  | { outcome: "remetente_desconhecido" }
  | { outcome: "repetida"; leadId: string }
  | { outcome: "registrada"; leadId: string; interacaoId: number; optOut?: true };

/** Who wrote it as the interação records it (`metadata.origem`): the lead, not a broker. */
export const ORIGEM_LEAD = "lead";

const leadMessageSchema = z.object({
  MessageSid: z.string().regex(/^(SM|MM)[0-9a-fA-F]{32}$/, "MessageSid inválido"),
  From: z.string().min(1).max(60),
  WaId: z.string().max(20).optional(),
  Body: z.string().max(5000).optional(),
  ButtonText: z.string().max(256).optional(),
  NumMedia: z.coerce.number().int().min(0).max(20).optional(),
});

export async function recordLeadReply(deps: LeadReplyDeps, params: Record<string, string>): Promise<LeadReplyResult> {
  const msg = leadMessageSchema.parse(params);
  const lead = await findLeadAlertadoPorTelefone(deps.db, senderPhoneCandidates({ from: msg.From, waId: msg.WaId }));
  if (!lead) {
    // The logger masks the phone; nothing is stored for a stranger, not even this message.
    log.info("whatsapp.unknown_sender", { from: msg.From, messageSid: msg.MessageSid });
    return { outcome: "remetente_desconhecido" };
  }
  const now = deps.now();
  // Media alone has no text to read: the row still shows on the timeline, the analyzer skips it.
  const conteudo = (msg.Body ?? msg.ButtonText ?? "").trim() || null;
  const interacaoId = await deps.db.transaction(async (tx) => {
    await lockInboundMessage(tx, msg.MessageSid);
    if (await hasInteracaoDaMensagem(tx, lead.id, msg.MessageSid)) return null;
    const row = await insertInteracao(tx, {
      leadId: lead.id,
      tipo: "resposta_whatsapp",
      data: now,
      conteudo,
      metadata: {
        origem: ORIGEM_LEAD,
        messageSid: msg.MessageSid,
        ...(msg.NumMedia ? { midias: msg.NumMedia } : {}),
      },
    });
    await touchLeadInteracao(tx, lead, now);
    return row.id;
  });
  if (interacaoId === null) {
    log.info("whatsapp.lead_reply_repeated", { leadId: lead.id, messageSid: msg.MessageSid });
    return { outcome: "repetida", leadId: lead.id };
  }
  // Committed: the ConversationAnalyzer reads it within seconds (a lost hand-over waits for the sweep).
  await deps
    .dispatch("interacao/recorded", { leadId: lead.id }, `lead-reply-${msg.MessageSid}`)
    .catch((err: unknown) => log.warn("analise.dispatch_failed", { leadId: lead.id, error: String(err) }));
  log.info("whatsapp.lead_replied", { leadId: lead.id, imobiliariaId: lead.imobiliariaId });
  if (lead.imobiliariaId && isOptOutText(conteudo)) {
    // "Pare" / "não quero contato": every lead of this person in the agency, not only the one answered.
    const telefones = senderPhoneCandidates({ from: msg.From, waId: msg.WaId });
    const seus = await findLeadsDoTitular(deps.db, lead.imobiliariaId, { telefones });
    const ids = [...new Set([lead.id, ...seus.map((l) => l.id)])];
    const feito = await optOutLeads(deps.db, lead.imobiliariaId, ids, { canal: "whatsapp" }, now);
    log.info("lgpd.opt_out", { leadId: lead.id, leads: feito.marcados.length, canceladas: feito.mensagensCanceladas });
    return { outcome: "registrada", leadId: lead.id, interacaoId, optOut: true };
  }
  return { outcome: "registrada", leadId: lead.id, interacaoId };
}
