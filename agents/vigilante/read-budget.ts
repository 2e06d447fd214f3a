// Money a lead mentions in free text ("até 500 mil", "R$ 3.500", "entre 300 e 400 mil").
// A number counts as money only with "R$", "reais" or a multiplier, so "3 quartos" and "18h" never do.
import { foldText } from "@/lib/text/fold-text";

export type Budget = {
  /** "a partir de 300 mil", "entre 300 e …" */
  min: number | null;
  /** "até 500 mil", "… e 400 mil" */
  max: number | null;
  /** A bare amount with no "até"/"a partir de": the person's target price. */
  around: number | null;
};

const NUMBER = String.raw`\d+(?:[.,]\d+)*`;
const UNIT = String.raw`mil|k|milhao|milhoes|mi|reais`;
const AMOUNT = String.raw`(r\$\s*)?(${NUMBER})(?:\s*(${UNIT})(?![\p{L}\p{N}]))?`;
const AMOUNT_RE = new RegExp(`(?<![\\p{L}\\p{N},.])${AMOUNT}`, "gu");
const RANGE_RE = new RegExp(`entre\\s+${AMOUNT}\\s+(?:e|a)\\s+${AMOUNT}`, "u");
const MAX_BEFORE = /(?:ate|no maximo|maximo|max\.?|teto de|abaixo de|menos de)\s*(?:de\s*)?$/;
const MIN_BEFORE = /(?:a partir de|acima de|mais de|minimo(?: de)?|no minimo|pelo menos)\s*$/;

/** Below this a "money" number is noise (an "R$ 50" taxa), not a budget. */
const MIN_BUDGET = 100;

export function readBudget(text: string | null | undefined): Budget {
  const budget: Budget = { min: null, max: null, around: null };
  if (!text) return budget;
  const folded = foldText(text);

  const range = RANGE_RE.exec(folded);
  if (range) {
    const [, cur1, num1 = "", unit1, cur2, num2 = "", unit2] = range;
    // "entre 300 e 400 mil": the first amount borrows the second's unit.
    const low = toAmount(num1, unit1 ?? unit2, Boolean(cur1 || unit1 || unit2));
    const high = toAmount(num2, unit2, Boolean(cur2 || unit2));
    if (low !== null && high !== null && low <= high) return { min: low, max: high, around: null };
  }

  for (const m of folded.matchAll(AMOUNT_RE)) {
    const [, currency, num = "", unit] = m;
    const value = toAmount(num, unit, Boolean(currency || unit));
    if (value === null) continue;
    const before = folded.slice(Math.max(0, m.index - 20), m.index);
    if (MAX_BEFORE.test(before)) budget.max ??= value;
    else if (MIN_BEFORE.test(before)) budget.min ??= value;
    else budget.around ??= value;
  }
  return budget;
}

function toAmount(num: string, unit: string | undefined, isMoney: boolean): number | null {
  if (!isMoney) return null;
  const multiplier = unit === "mil" || unit === "k" ? 1_000 : unit?.startsWith("mi") ? 1_000_000 : 1;
  const value = Math.round(readNumber(num) * multiplier);
  return Number.isFinite(value) && value >= MIN_BUDGET ? value : null;
}

/** pt-BR "1.250.000,00" and "1,2"; also "3,500" and "1.5" as people type them. */
function readNumber(num: string): number {
  if (num.includes(".") && num.includes(",")) return Number(num.replace(/\./g, "").replace(",", "."));
  const sep = num.includes(".") ? "." : num.includes(",") ? "," : null;
  if (!sep) return Number(num);
  const groups = num.split(sep);
  const thousands = groups.length > 2 || groups.slice(1).every((g) => g.length === 3);
  return thousands ? Number(groups.join("")) : Number(groups.join("."));
}
