// What no model text may carry, whatever it was asked to write: a link or a contact of its own. Our
// links are appended by us after its text, and a phone or e-mail in it could only come from the lead's
// words (untrusted) or be made up — either way it is not the model's to send.
const URL_LIKE = /(https?:\/\/|www\.|wa\.me|\b[\w-]+\.(com|br|net|org|io|me)\b)/i;
const CONTACT_LIKE = /@[\w-]+\.|\d[\d\s().-]{7,}\d/;

/** Why the model's text cannot go out because of a link or a contact in it, or null. */
export function linkOuContato(texto: string): string | null {
  if (URL_LIKE.test(texto)) return "link no texto do modelo";
  if (CONTACT_LIKE.test(texto)) return "contato no texto do modelo";
  return null;
}
