// The Conselheiro's pt-BR messages to brokers. `MessageWriter` is the seam: today deterministic
// templates (`templateWriter`), later an LLM writer behind the same interface and the same limits.
import { appLeadLinks, type LeadLinks } from "@/lib/links/lead-links";
import { composeLembrete, composeNovoLead } from "./compose-lead";
import { composeAgrupada, composeResumoDiario } from "./compose-listas";
import { composeResumoSemanal } from "./compose-resumo-semanal";
import type {
  AgrupadaInput,
  ComposedMessage,
  LembreteInput,
  NovoLeadInput,
  ResumoDiarioInput,
  ResumoSemanalInput,
} from "./message-types";

export type {
  AgrupadaInput,
  Botao,
  ComposedMessage,
  FatorScore,
  ImovelRef,
  ItemDemanda,
  LeadLinha,
  LembreteInput,
  NovoLeadInput,
  Remetente,
  ResumoDiarioInput,
  ResumoSemanalInput,
} from "./message-types";
export { leadButtons } from "./message-types";

export interface MessageWriter {
  novoLead(input: NovoLeadInput): ComposedMessage;
  agrupada(input: AgrupadaInput): ComposedMessage;
  lembrete(input: LembreteInput): ComposedMessage;
  resumoDiario(input: ResumoDiarioInput): ComposedMessage;
  resumoSemanal(input: ResumoSemanalInput): ComposedMessage;
}

/** The templates with the links they carry about each lead (short signed `/r/` links in production). */
export function createTemplateWriter(links: LeadLinks): MessageWriter {
  return {
    novoLead: (input) => composeNovoLead(input, links),
    agrupada: (input) => composeAgrupada(input, links),
    lembrete: (input) => composeLembrete(input, links),
    resumoDiario: (input) => composeResumoDiario(input, links),
    resumoSemanal: composeResumoSemanal,
  };
}

export const templateWriter: MessageWriter = createTemplateWriter(appLeadLinks);
