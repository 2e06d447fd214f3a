// What a follow-up step says on the lead's timeline and in /eventos: which step, since when, and the
// next action — the ConversationAnalyzer's latest suggestion, or a default for the lead's stage.
import type { LeadStatus, Urgencia } from "@/lib/db/schema";
import { analiseSchema } from "@/lib/domain/analise-conversa";
import { STATUS_LEAD } from "@/lib/painel/rotulos";
import { plural } from "@/lib/text/plural";
import { diaCurto } from "@/lib/whatsapp/text/compose";

const PROXIMO_PASSO_PADRAO: Partial<Record<LeadStatus, string>> = {
  em_contato: "Retome a conversa: pergunte se ainda procura imóvel e ofereça opções parecidas.",
  visita_agendada: "Confirme a visita com o lead: dia, horário e endereço.",
  proposta: "Pergunte como está a análise da proposta e se há algo a ajustar para fechar.",
};
const PADRAO_GERAL = "Retome o contato com o lead.";

/** The analyzer's suggestion when there is a valid one, else the stage's default. */
export function proximoPassoFor(status: LeadStatus, analise: unknown): { texto: string; origem: "analise" | "padrao" } {
  const parsed = analiseSchema.safeParse(analise);
  if (parsed.success) return { texto: parsed.data.proximoPasso, origem: "analise" };
  return { texto: PROXIMO_PASSO_PADRAO[status] ?? PADRAO_GERAL, origem: "padrao" };
}

export type FollowUpDescription = { titulo: string; descricao: string; urgencia: Urgencia };

export function describeFollowUp(input: {
  nome: string;
  status: LeadStatus;
  ultimaInteracao: Date;
  dias: number;
  passo: number;
  cadencia: number[];
  quente: boolean;
  proximoPasso: string;
  timezone: string;
}): FollowUpDescription {
  const desde = diaCurto(input.ultimaInteracao, input.timezone);
  const etapa = STATUS_LEAD[input.status].rotulo;
  return {
    titulo: `Follow-up: ${input.nome} sem interação há ${plural(input.dias, "dia", "dias")}`.slice(0, 500),
    descricao:
      `${input.nome} (${etapa}) está sem interação desde ${desde}. ` +
      `Passo ${input.passo} de ${input.cadencia.length} da cadência de follow-up (${input.cadencia.join(", ")} dias)` +
      (input.quente ? "; lead quente, o corretor recebe um alerta." : "; vai no resumo diário do corretor.") +
      ` Próximo passo sugerido: ${input.proximoPasso}`,
    urgencia: input.quente ? "alta" : "media",
  };
}
