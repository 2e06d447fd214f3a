// A search box's text read as a phone number, if it is one: the E.164 forms it may be stored as.
// People type numbers the way they see them ("(11) 98765-4321", "+55 11 …", the pre-2016 8-digit mobile),
// while leads keep E.164; matching on these exact values keeps the search on the phone index.
import { normalizePhoneBR, waIdToE164Candidates } from "./normalize-phone";

// Digits and the punctuation phones are written with; anything else (a letter, "@") is a name or an e-mail.
const PHONE_TEXT = /^[\d\s()+.\-/]+$/;

/**
 * The E.164 numbers `query` may mean, most likely first; null when it does not read as a phone with
 * area code (at least 10 digits). An old 8-digit mobile yields the 9-prefixed number and the legacy one.
 */
export function phoneSearchCandidates(query: string): string[] | null {
  const text = query.trim();
  if (!PHONE_TEXT.test(text)) return null;
  const digits = text.replace(/\D/g, "");
  if (digits.length < 10 || digits.length > 15) return null;
  const { e164 } = normalizePhoneBR(text);
  if (!e164) return null;
  const candidates = [e164, ...waIdToE164Candidates(e164)];
  // "(11) 8765-4321" normalizes to the 9-prefixed mobile; a lead stored before that rule (or whose
  // number did not validate) may still hold the typed form.
  if (digits.length === 10 || (digits.length === 12 && digits.startsWith("55"))) {
    candidates.push(`+55${digits.slice(-10)}`);
  }
  return [...new Set(candidates)];
}
