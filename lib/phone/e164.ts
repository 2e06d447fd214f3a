// The one E.164 pattern: stored phones, message destinations, links and lookups all test against it.
// A lead whose number did not parse keeps what the portal sent instead (up to 20 characters), which no
// lookup can match, so whatever matches on a phone checks this first.

/** "+", a country code (never starting with 0), 8 to 15 digits in all. */
export const E164_PATTERN = /^\+[1-9]\d{7,14}$/;

export function isE164(phone: string | null | undefined): phone is string {
  return typeof phone === "string" && E164_PATTERN.test(phone);
}
