// Lower-case, accent-free text, so "Média", "MEDIA" and "media" (or "mudança" and "mudanca") compare equal.
export function foldText(value: string): string {
  return value.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLowerCase().trim();
}

/**
 * Whole-word (or whole-phrase) search in folded text: "visita" matches "Visita!" but not "visitante".
 * Spaces in the term match any run of whitespace.
 */
export function containsTerm(foldedText: string, term: string): boolean {
  const pattern = foldText(term)
    .split(/\s+/)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("\\s+");
  return new RegExp(`(?<![\\p{L}\\p{N}])${pattern}(?![\\p{L}\\p{N}])`, "u").test(foldedText);
}
