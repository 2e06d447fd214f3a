// The deterministic ConversationAnalyzer: pt-BR rules over the normalised text. Synchronous at heart
// (analyzeByRules), so the lead score can read the same intent at intake without a second word list.
import type { Analise, AnaliseInput, ConversationAnalyzer, Intencao, Sentimento } from "@/lib/domain/analise-conversa";
import {
  DUVIDA_TOPIC,
  EMOJI_NEGATIVO,
  EMOJI_POSITIVO,
  INTENT_RULES,
  NEGATIVO,
  OBJECTION_RULES,
  POSITIVO,
  QUESTION,
  URGENCIA,
} from "./lexicon";
import { nextStep } from "./next-step";
import { normalizeMessage } from "./normalize-message";

export const RULES_ENGINE = "regras-v1";

// A visit already done is not a visit asked for ("Visita realizada, vai mandar proposta").
const PAST_VISIT =
  /(?<![a-z])(?:visita (?:realizada|feita|foi)|depois da visita|fizemos a visita|na visita de ontem)(?![a-z])/g;

export function analyzeByRules(texto: string): Analise {
  const raw = texto.slice(0, 5000);
  const text = normalizeMessage(raw);
  const sinais: Analise["sinais"] = [];
  const forIntent = text.replace(PAST_VISIT, " ");
  for (const rule of INTENT_RULES) {
    const m = rule.pattern.exec(forIntent);
    if (m) sinais.push({ sinal: rule.intencao, termo: m[0].slice(0, 60) });
  }
  const urgente = URGENCIA.exec(text);
  if (urgente) sinais.push({ sinal: "urgencia", termo: urgente[0] });

  const objecoes = OBJECTION_RULES.filter((r) => r.pattern.test(text)).map((r) => r.objecao);
  const intencao = pickIntent(sinais, raw, text);
  const sentimento = readSentiment(raw, text, intencao, objecoes.length);
  return {
    intencao,
    sentimento,
    objecoes,
    sinais,
    proximoPasso: nextStep(intencao, objecoes, sentimento),
    motor: RULES_ENGINE,
  };
}

export const rulesAnalyzer: ConversationAnalyzer = {
  analyze: async (input: AnaliseInput) => analyzeByRules(input.texto),
};

function pickIntent(sinais: Analise["sinais"], raw: string, text: string): Intencao {
  const found = new Set(sinais.map((s) => s.sinal));
  const isQuestion = raw.includes("?") || QUESTION.test(text);
  // INTENT_RULES is in priority order; a question about a feature outranks a plain "tenho interesse".
  for (const rule of INTENT_RULES) {
    if (rule.intencao === "interesse" && isQuestion && DUVIDA_TOPIC.test(text)) return "duvida";
    if (found.has(rule.intencao)) return rule.intencao;
  }
  return isQuestion ? "duvida" : "outro";
}

function readSentiment(raw: string, text: string, intencao: Intencao, objecoes: number): Sentimento {
  if (intencao === "desistencia") return "negativo";
  // After "mas" the person says what counts ("Gostei, mas o quarto é pequeno").
  const parts = text.split(MAS);
  if (parts.length > 1) {
    const last = parts[parts.length - 1]!;
    const tail = tally(last, "", countObjections(last));
    if (tail !== 0) return tail > 0 ? "positivo" : "negativo";
  }
  const score = tally(text, raw, objecoes);
  return score > 0 ? "positivo" : score < 0 ? "negativo" : "neutro";
}

const MAS = /(?<![a-z])mas(?![a-z])/;
// Compiled once: a regex built per call cost more than the rest of the analysis.
const NEGATIVO_G = new RegExp(NEGATIVO.source, "g");
const POSITIVO_G = new RegExp(POSITIVO.source, "g");

/** Positive minus negative cues; a tie with any negative cue leans negative (a complaint matters more). */
function tally(text: string, raw: string, objecoes: number): number {
  const negativos = (text.match(NEGATIVO_G)?.length ?? 0) + objecoes + (EMOJI_NEGATIVO.test(raw) ? 1 : 0);
  const positivos = (text.replace(NEGATIVO_G, " ").match(POSITIVO_G)?.length ?? 0) + (EMOJI_POSITIVO.test(raw) ? 1 : 0);
  if (negativos > 0 && negativos >= positivos) return -1;
  return positivos - negativos;
}

function countObjections(text: string): number {
  return OBJECTION_RULES.reduce((n, r) => n + (r.pattern.test(text) ? 1 : 0), 0);
}
