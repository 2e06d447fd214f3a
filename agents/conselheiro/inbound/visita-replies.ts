// The answers to "Como foi a visita?": "Visita realizada" moves the lead to `visita_realizada`,
// "Não foi / perdido" to `perdido` (its pending messages cancelled, as a loss from the dashboard),
// "Remarcar" tells where to set the new date. Inside the reply's transaction, lead row-locked.
import { MOTIVO_VISITA_SUPERADA } from "@/agents/vigilante/lead-status";
import { insertInteracao } from "@/lib/db/queries/interacoes";
import type { Lead } from "@/lib/db/queries/leads";
import { moveLeadStatus } from "@/lib/db/queries/leads-resposta";
import { cancelMensagensDeVisita } from "@/lib/db/queries/mensagens-visita";
import { formatDataHora } from "@/lib/time/format-data-hora";
import type { ReplyAction, ReplyContext } from "./broker-reply-types";
import { REPLY_TEXTS } from "./broker-reply-texts";
import { cancelPendentesDoLead, MOTIVO_LEAD_ENCERRADO } from "./cancel-pendentes-do-lead";
import type { VisitaAcao } from "./parse-broker-reply";

export const MOTIVO_VISITA_NAO_ACONTECEU = "A visita não aconteceu (resposta ao “Como foi a visita?” pelo WhatsApp).";

export async function runVisitaAction(ctx: ReplyContext, acao: VisitaAcao, lead: Lead): Promise<ReplyAction> {
  const base = { leadId: lead.id };
  if (acao === "remarcar") return { ...base, acao: "visita_remarcar", texto: REPLY_TEXTS.remarcar(lead.nome) };
  // Answered already (a second tap, or moved from the dashboard meanwhile): nothing changes.
  if (lead.status !== "visita_agendada")
    return { ...base, acao: "lead_ja_estava", texto: REPLY_TEXTS.jaEstava(lead.nome, lead.status) };
  const para = acao === "visita_realizada" ? "visita_realizada" : "perdido";
  const moved = await moveLeadStatus(ctx.tx, lead, { de: "visita_agendada", para, at: ctx.now });
  if (!moved) return { ...base, acao: "lead_ja_estava", texto: REPLY_TEXTS.jaEstava(lead.nome, lead.status) };

  const { tx, corretor, now, messageSid } = ctx;
  const quando = lead.visitaEm ? ` de ${formatDataHora(lead.visitaEm, ctx.imobiliaria.timezone)}` : "";
  const cancelados =
    para === "perdido"
      ? await cancelPendentesDoLead(tx, {
          leadId: lead.id,
          de: corretor,
          motivo: {
            codigo: MOTIVO_LEAD_ENCERRADO,
            mensagem: `Cancelada: ${corretor.nome} marcou o lead como Perdido pelo WhatsApp.`,
            extra: { para },
          },
          now,
        })
      : null;
  // A repeated question about the same visit (a reschedule's) has nothing left to ask.
  const visitaCanceladas = await cancelMensagensDeVisita(
    tx,
    lead.id,
    { codigo: MOTIVO_VISITA_SUPERADA, mensagem: "Cancelada: o corretor já respondeu sobre a visita." },
    now,
  );
  await insertInteracao(tx, {
    leadId: lead.id,
    tipo: para === "visita_realizada" ? "visita" : "mudanca_status",
    data: now,
    conteudo:
      para === "visita_realizada"
        ? `${corretor.nome} confirmou pelo WhatsApp que a visita${quando} foi realizada.`
        : `${corretor.nome} marcou o lead como Perdido pelo WhatsApp: ${MOTIVO_VISITA_NAO_ACONTECEU}`,
    metadata: {
      de: "visita_agendada",
      para,
      ...(para === "perdido" ? { motivo: MOTIVO_VISITA_NAO_ACONTECEU } : {}),
      corretorId: corretor.id,
      via: "whatsapp",
      messageSid,
      ...(lead.visitaEm ? { visitaEm: lead.visitaEm.toISOString() } : {}),
      ...(cancelados?.mensagemIds.length || visitaCanceladas.length
        ? { mensagensCanceladas: [...(cancelados?.mensagemIds ?? []), ...visitaCanceladas] }
        : {}),
    },
  });
  return {
    ...base,
    acao: para === "visita_realizada" ? "visita_realizada" : "lead_perdido",
    texto: para === "visita_realizada" ? REPLY_TEXTS.visitaRealizada(lead.nome) : REPLY_TEXTS.visitaPerdida(lead.nome),
    ...(cancelados?.quotaSlots.length
      ? { giveBackQuota: { corretorId: corretor.id, usedAt: cancelados.quotaSlots } }
      : {}),
  };
}
