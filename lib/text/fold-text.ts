// Lower-case, accent-free text, so "Média", "MEDIA" and "media" (or "mudança" and "mudanca") compare equal.
export function foldText(value: string): string {
  return value
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .trim();
}

/**
 * Whole-word (or whole-phrase) search in folded text: "visita" matches "Visita!" but not "visitante".
 * Spaces in the term match any run of whitespace.
 */
export function containsTerm(foldedText: string, term: string): boolean {
  return termPattern(term).test(foldedText);
}

// The scorer and extractBusca ask about the same few dozen terms for every lead; compiling their
// patterns once made bulk scoring (the 100k-lead demo seed) several times faster. No `g` flag, so
// a shared RegExp keeps no state between calls.
const TERM_PATTERNS = new Map<string, RegExp>();
const MAX_CACHED_TERMS = 2000;

function termPattern(term: string): RegExp {
  let re = TERM_PATTERNS.get(term);
  if (re) return re;
  const pattern = foldText(term)
    .split(/\s+/)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("\\s+");
  re = new RegExp(`(?<![\\p{L}\\p{N}])${pattern}(?![\\p{L}\\p{N}])`, "u");
  if (TERM_PATTERNS.size >= MAX_CACHED_TERMS) TERM_PATTERNS.clear();
  TERM_PATTERNS.set(term, re);
  return re;
}
