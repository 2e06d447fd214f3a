// Deterministic lead score 0–100 with one pt-BR sentence per factor, so a broker can ask
// "Por que 82?" (LGPD art. 20) and the factors always add up to the score.
import type { NormalizedLead } from "@/lib/portals/normalized-lead";
import { analyzeByRules, type Analise } from "@/agents/analista/conversation-analyzer";
import { readBudget } from "./read-budget";
import { scoreTexts, withPoints } from "./score-texts";
import { DEFAULT_WEIGHTS, type ScoreWeights } from "./score-weights";

export type ScoreFactor = { key: string; points: number; explicacao: string };
export type LeadScore = { score: number; factors: ScoreFactor[] };
export type ScoreLeadInput = {
  lead: NormalizedLead;
  /** Earlier inquiries by the same person within weights.repeat.windowDays. */
  earlierInquiries: number;
  /** Our listing row's price when we know the listing; wins over the portal's. */
  listingPrice?: number | null;
  /** The message's analysis when already made; otherwise the rules engine reads it here. */
  analise?: Pick<Analise, "sinais">;
};

export function scoreLead(input: ScoreLeadInput, weights: ScoreWeights = DEFAULT_WEIGHTS): LeadScore {
  const { lead } = input;
  const factors: ScoreFactor[] = [];
  const add = (key: string, points: number, sentence: string) =>
    factors.push({ key, points, explicacao: withPoints(sentence, points) });

  const temp = lead.temperatura;
  add("temperatura", temp ? weights.temperature[temp] : weights.temperature.none, scoreTexts.temperatura(temp));
  const type = lead.leadType;
  add("tipo_lead", type ? weights.leadType[type] : weights.leadType.unknown, scoreTexts.tipoLead(type));

  const intent = findIntent(input.analise ?? analyzeByRules(lead.mensagem ?? ""), weights);
  if (intent.found.length > 0) add("intencao", intent.points, scoreTexts.intencao(intent.found, intent.capped));

  if (lead.phone?.valid && lead.phone.mobile) add("celular", weights.contact.validMobile, scoreTexts.celular);
  if (lead.phone && !lead.phone.valid) {
    add("telefone_invalido", weights.contact.invalidPhone, scoreTexts.telefoneInvalido);
  }
  if (lead.email) add("email", weights.contact.email, scoreTexts.email);

  const earlier = Math.max(0, Math.floor(input.earlierInquiries));
  if (earlier > 0) {
    const raw = earlier * weights.repeat.perInquiry;
    const capped = raw > weights.repeat.cap ? weights.repeat.cap : null;
    add("retorno", capped ?? raw, scoreTexts.retorno(earlier, weights.repeat.windowDays, capped));
  }

  const price = input.listingPrice ?? lead.listing.preco;
  const ticket = price ? ticketPoints(price, lead.finalidade, weights) : null;
  if (ticket && price) add("ticket", ticket.points, scoreTexts.ticket(price, ticket.finalidade));

  const budget = readBudget(lead.mensagem);
  const stated = budget.max ?? budget.around ?? budget.min;
  if (stated !== null) add("orcamento", weights.price.budgetInMessage, scoreTexts.orcamento(stated));

  return clamp(factors);
}

/** The intent factor weighs the ConversationAnalyzer's signals: one word list, the analyzer's. */
function findIntent(analise: Pick<Analise, "sinais">, weights: ScoreWeights) {
  const found: { label: string; term: string; points: number }[] = [];
  for (const group of weights.intent.groups) {
    const sinal = analise.sinais.find((s) => group.sinais.includes(s.sinal));
    if (sinal) found.push({ label: group.label, term: sinal.termo, points: group.points });
  }
  const sum = found.reduce((total, f) => total + f.points, 0);
  const capped = sum > weights.intent.cap ? weights.intent.cap : null;
  return { found, points: capped ?? sum, capped };
}

function ticketPoints(price: number, finalidade: NormalizedLead["finalidade"], weights: ScoreWeights) {
  const kind = finalidade ?? (price < weights.price.rentCeiling ? "aluguel" : "venda");
  const bands = kind === "venda" ? weights.price.sale : weights.price.rent;
  const band = bands.find((b) => price >= b.min);
  return band ? { points: band.points, finalidade: kind } : null;
}

/** A clamp shows up as its own factor, so the listed points always sum to the score. */
function clamp(factors: ScoreFactor[]): LeadScore {
  const sum = factors.reduce((total, f) => total + f.points, 0);
  const score = Math.min(100, Math.max(0, sum));
  if (score !== sum) {
    const sentence = sum > 100 ? scoreTexts.limiteMaximo : scoreTexts.limiteMinimo;
    factors.push({ key: "limite", points: score - sum, explicacao: withPoints(sentence, score - sum) });
  }
  return { score, factors };
}
