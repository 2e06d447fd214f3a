// The Conselheiro's pt-BR messages to brokers. `MessageWriter` is the seam: today deterministic
// templates (`templateWriter`), later an LLM writer behind the same interface and the same limits.
import { composeLembrete, composeNovoLead } from "./compose-lead";
import { composeAgrupada, composeResumoDiario } from "./compose-listas";
import type { AgrupadaInput, ComposedMessage, LembreteInput, NovoLeadInput, ResumoDiarioInput } from "./message-types";

export type {
  AgrupadaInput, Botao, ComposedMessage, FatorScore, ImovelRef, LeadLinha, LembreteInput, NovoLeadInput, Remetente,
  ResumoDiarioInput,
} from "./message-types";
export { leadButtons } from "./message-types";

export interface MessageWriter {
  novoLead(input: NovoLeadInput): ComposedMessage;
  agrupada(input: AgrupadaInput): ComposedMessage;
  lembrete(input: LembreteInput): ComposedMessage;
  resumoDiario(input: ResumoDiarioInput): ComposedMessage;
}

export const templateWriter: MessageWriter = {
  novoLead: composeNovoLead,
  agrupada: composeAgrupada,
  lembrete: composeLembrete,
  resumoDiario: composeResumoDiario,
};
