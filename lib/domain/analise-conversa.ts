// The ConversationAnalyzer's one result and its port. It lives in lib/ because interacoes.analise
// stores it and the lead page reads it; the rules engine (agents/analista/conversation-analyzer)
// implements the port today, the AI layer (issue #21) will with a model, and callers never know which.
import { z } from "zod";

export const INTENCOES = [
  "visita",
  "financiamento",
  "preco_negociacao",
  "permuta",
  "disponibilidade",
  "duvida",
  "desistencia",
  "interesse",
  "outro",
] as const;
export type Intencao = (typeof INTENCOES)[number];

/** Stored as is in `interacoes.sentimento`. */
export const SENTIMENTOS = ["positivo", "neutro", "negativo"] as const;
export type Sentimento = (typeof SENTIMENTOS)[number];

export const OBJECOES = ["preco", "localizacao", "tamanho", "condicoes", "prazo", "credito", "documentacao"] as const;
export type Objecao = (typeof OBJECOES)[number];

/** What the lead's words show beyond the main intent; the score weighs these (score-weights.ts). */
export const SINAIS = [...INTENCOES, "urgencia"] as const;
export type Sinal = (typeof SINAIS)[number];

export const analiseSchema = z.object({
  intencao: z.enum(INTENCOES),
  sentimento: z.enum(SENTIMENTOS),
  objecoes: z.array(z.enum(OBJECOES)),
  /** Every signal found, each with the word that showed it (the score's explanation quotes it). */
  sinais: z.array(z.object({ sinal: z.enum(SINAIS), termo: z.string().max(60) })),
  proximoPasso: z.string().min(1).max(200),
  /** Which engine wrote it, e.g. "regras-v1": a later model's result is told apart. */
  motor: z.string().min(1).max(40),
});
export type Analise = z.infer<typeof analiseSchema>;

export type AnaliseInput = {
  texto: string;
  /** Who wrote it changes nothing in the rules today; a model may use it. */
  origem?: "portal" | "nota" | "whatsapp";
  /** Whose usage a model call counts against (tokens per agency and day). */
  imobiliariaId?: string | null;
};

export interface ConversationAnalyzer {
  analyze(input: AnaliseInput): Promise<Analise>;
}

export const INTENCAO_ROTULO: Record<Intencao, string> = {
  visita: "Visita",
  financiamento: "Financiamento",
  preco_negociacao: "Preço / negociação",
  permuta: "Permuta",
  disponibilidade: "Disponibilidade",
  duvida: "Dúvida",
  desistencia: "Desistência",
  interesse: "Interesse",
  outro: "Sem intenção clara",
};

export const SENTIMENTO_ROTULO: Record<Sentimento, string> = {
  positivo: "Positivo",
  neutro: "Neutro",
  negativo: "Negativo",
};

export const OBJECAO_ROTULO: Record<Objecao, string> = {
  preco: "Preço",
  localizacao: "Localização",
  tamanho: "Tamanho",
  condicoes: "Condições do imóvel",
  prazo: "Prazo",
  credito: "Crédito",
  documentacao: "Documentação",
};
