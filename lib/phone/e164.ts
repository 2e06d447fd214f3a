// Whether a stored phone is in E.164, the form every phone lookup matches on: a lead whose number did
// not parse keeps what the portal sent instead (up to 20 characters), which no lookup can match.
const E164 = /^\+[1-9]\d{7,14}$/;

export function isE164(phone: string | null | undefined): phone is string {
  return typeof phone === "string" && E164.test(phone);
}
