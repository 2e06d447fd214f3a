// A stored E.164 number as a person reads it: "(11) 98765-4321" for Brazil, "+351 912 000 222" abroad.
import { parsePhoneNumberFromString } from "libphonenumber-js/max";

export function formatPhone(e164: string | null | undefined): string {
  if (!e164) return "—";
  const parsed = parsePhoneNumberFromString(e164);
  // A number the intake could not validate is stored as the sender gave it: show that, untouched.
  if (!parsed?.isValid()) return e164;
  return parsed.countryCallingCode === "55" ? parsed.formatNational() : parsed.formatInternational();
}
