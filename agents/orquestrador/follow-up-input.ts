// A `follow_up_vencido` event as the Conselheiro's follow-up alert: the lead, since when it is quiet
// and the next step the Vigilante recorded (the ConversationAnalyzer's, or the stage's default).
import type { FollowUpInput } from "@/agents/conselheiro/compose/templates";
import { diasEntre, localDay } from "@/agents/vigilante/follow-up/cadencia";
import type { Corretor } from "@/lib/db/queries/corretores";
import { STATUS_LEAD } from "@/lib/painel/rotulos";
import { remetenteFor, toLeadLinha, type LoadedEventoContext } from "./load-evento-context";

export const followUpKey = (eventoId: string, corretorId: string) => `follow_up:${eventoId}:${corretorId}`;

export function followUpInput(ctx: LoadedEventoContext & { corretor: Corretor }, now: Date): FollowUpInput {
  const { evento, lead, imobiliaria } = ctx;
  const registrada = (evento.metadata as { ultimaInteracao?: unknown } | null)?.ultimaInteracao;
  const desde =
    typeof registrada === "string" ? new Date(registrada) : (lead.dataUltimaInteracao ?? evento.dataDeteccao ?? now);
  const timezone = imobiliaria.timezone;
  return {
    lead: toLeadLinha(lead),
    etapa: lead.status ? STATUS_LEAD[lead.status].rotulo : "sem etapa",
    ultimaInteracao: desde,
    dias: Math.max(0, diasEntre(localDay(desde, timezone), localDay(now, timezone))),
    proximoPasso: evento.acaoRecomendada || "Retome o contato com o lead.",
    imovel: ctx.imovel ? { titulo: ctx.imovel.titulo, codigo: ctx.imovel.codigo, bairro: ctx.imovel.bairro } : null,
    timezone,
    remetente: remetenteFor(ctx.corretor, imobiliaria),
  };
}
