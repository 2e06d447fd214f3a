// The Conselheiro's pt-BR messages to brokers. `MessageWriter` is the seam: today deterministic
// templates (`templateWriter`), later an LLM writer behind the same interface and the same limits.
import { appLeadLinks, type LeadLinks } from "@/lib/links/lead-links";
import { composeLembrete, composeNovoLead } from "./compose-lead";
import { composeAgrupada, composeResumoDiario } from "./compose-listas";
import { composeResumoSemanal } from "./compose-resumo-semanal";
import { composeFollowUp, composeLembreteVisita, composePosVisita } from "./compose-visita-follow-up";
import type {
  AgrupadaInput,
  ComposedMessage,
  FollowUpInput,
  LembreteInput,
  NovoLeadInput,
  ResumoDiarioInput,
  ResumoSemanalInput,
  VisitaInput,
} from "./message-types";

export type {
  AgrupadaInput,
  Botao,
  ComposedMessage,
  FatorScore,
  FollowUpInput,
  ImovelRef,
  ItemDemanda,
  LeadLinha,
  LembreteInput,
  NovoLeadInput,
  Remetente,
  ResumoDiarioInput,
  ResumoSemanalInput,
  VisitaInput,
} from "./message-types";
export { leadButtons, posVisitaButtons } from "./message-types";

export interface MessageWriter {
  novoLead(input: NovoLeadInput): ComposedMessage;
  agrupada(input: AgrupadaInput): ComposedMessage;
  lembrete(input: LembreteInput): ComposedMessage;
  resumoDiario(input: ResumoDiarioInput): ComposedMessage;
  resumoSemanal(input: ResumoSemanalInput): ComposedMessage;
  followUp(input: FollowUpInput): ComposedMessage;
  lembreteVisita(input: VisitaInput): ComposedMessage;
  posVisita(input: VisitaInput): ComposedMessage;
}

/** The templates with the links they carry about each lead (short signed `/r/` links in production). */
export function createTemplateWriter(links: LeadLinks): MessageWriter {
  return {
    novoLead: (input) => composeNovoLead(input, links),
    agrupada: (input) => composeAgrupada(input, links),
    lembrete: (input) => composeLembrete(input, links),
    resumoDiario: (input) => composeResumoDiario(input, links),
    resumoSemanal: composeResumoSemanal,
    followUp: (input) => composeFollowUp(input, links),
    lembreteVisita: (input) => composeLembreteVisita(input, links),
    posVisita: (input) => composePosVisita(input, links),
  };
}

export const templateWriter: MessageWriter = createTemplateWriter(appLeadLinks);
