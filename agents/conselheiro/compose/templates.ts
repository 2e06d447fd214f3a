// The Conselheiro's pt-BR messages to brokers. `MessageWriter` is the seam: today deterministic
// templates (`templateWriter`), later an LLM writer behind the same interface and the same limits.
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

export const templateWriter: MessageWriter = {
  novoLead: composeNovoLead,
  agrupada: composeAgrupada,
  lembrete: composeLembrete,
  resumoDiario: composeResumoDiario,
  resumoSemanal: composeResumoSemanal,
};
