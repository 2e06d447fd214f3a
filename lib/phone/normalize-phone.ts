// Phone numbers as Brazilian leads type them → E.164, the key we dedupe people and match WhatsApp
// senders on. Old 8-digit mobiles (from before the ninth-digit migration) still arrive from forms and Twilio.
import { parsePhoneNumberFromString, type PhoneNumber } from "libphonenumber-js/max";

export type NormalizedPhone = {
  /** E.164 ("+5511987654321") when the number is valid, else null. */
  e164: string | null;
  valid: boolean;
  /** Mobile numbers can receive WhatsApp; landlines cannot. */
  mobile: boolean;
  /** What the sender gave us, untouched, so a broker can still read a number we could not parse. */
  raw: string;
};

export type PhoneInput = string | { ddd?: string; phone?: string };

const WHATSAPP_PREFIX = /^\s*whatsapp:/i;

export function normalizePhoneBR(input: PhoneInput): NormalizedPhone {
  const raw = typeof input === "string" ? input : joinDddAndPhone(input);
  const text = raw.replace(WHATSAPP_PREFIX, "").trim();
  const dialable = toDialable(text);
  const parsed = dialable ? parsePhoneNumberFromString(dialable, "BR") : undefined;
  // Before isValid: libphonenumber still accepts some 8-digit ranges (old Nextel 7xxx) as mobiles.
  const brazilian = parsed ? (withNinthDigit(parsed) ?? parsed) : undefined;
  const phone = brazilian?.isValid() ? brazilian : asInternational(text);
  if (!phone) return invalidPhone(raw);

  const type = phone.getType();
  return { e164: phone.number, valid: true, mobile: type === "MOBILE" || type === "FIXED_LINE_OR_MOBILE", raw };
}

/**
 * E.164 numbers a Twilio WaId may stand for. WhatsApp still reports some Brazilian mobiles in the
 * legacy 12-digit form (no ninth digit), while we store the 13-digit form: try the modern one first.
 */
export function waIdToE164Candidates(waId: string): string[] {
  const digits = waId.replace(WHATSAPP_PREFIX, "").replace(/\D/g, "");
  if (digits.length < 8 || digits.length > 15) return [];

  const ddd = digits.slice(2, 4);
  // Landlines start with 2–5; mobiles allocated since the ninth digit may follow it with a 1 (9 1xxx-xxxx).
  if (digits.startsWith("55") && digits.length === 12 && /^[16-9]/.test(digits.slice(4))) {
    return [`+55${ddd}9${digits.slice(4)}`, `+${digits}`];
  }
  if (digits.startsWith("55") && digits.length === 13 && /^9[16-9]/.test(digits.slice(4))) {
    return [`+${digits}`, `+55${ddd}${digits.slice(5)}`];
  }
  return [`+${digits}`];
}

/** Grupo OLX sends `ddd` and `phone` apart; some senders repeat the DDD inside `phone`. */
function joinDddAndPhone({ ddd, phone }: { ddd?: string; phone?: string }): string {
  const p = (phone ?? "").trim();
  const d = (ddd ?? "").trim();
  if (!d || p.startsWith("+") || p.replace(/\D/g, "").length >= 10) return p;
  return `${d} ${p}`.trim();
}

/**
 * Digits-only strings of 12–13 digits starting with 55 already carry the country code
 * ("5511987654321"); no Brazilian national number is that long, so reading them as international is safe.
 */
function toDialable(text: string): string | null {
  const digits = text.replace(/\D/g, "");
  if (!digits) return null;
  if (text.startsWith("+")) return `+${digits}`;
  if (digits.startsWith("55") && (digits.length === 12 || digits.length === 13)) return `+${digits}`;
  return text;
}

/**
 * "351912000222": a foreign number whose sender dropped the "+". Tried only after the Brazilian
 * reading failed, with at least 11 digits (a country code and a national number) and no leading 0
 * (a Brazilian carrier prefix), and kept only when libphonenumber finds it valid.
 */
function asInternational(text: string): PhoneNumber | null {
  if (text.startsWith("+") || /[^\d\s().-]/.test(text)) return null;
  const digits = text.replace(/\D/g, "");
  if (digits.length < 11 || digits.length > 15 || digits.startsWith("0") || digits.startsWith("55")) return null;
  const parsed = parsePhoneNumberFromString(`+${digits}`);
  return parsed?.isValid() ? parsed : null;
}

/** "11 8765-4321" was a mobile before 2016; today it is "11 98765-4321". Landlines start with 2–5. */
function withNinthDigit(parsed: PhoneNumber): PhoneNumber | null {
  const national = String(parsed.nationalNumber);
  if (parsed.countryCallingCode !== "55" || !/^[1-9]{2}[6-9]\d{7}$/.test(national)) return null;
  const fixed = parsePhoneNumberFromString(`+55${national.slice(0, 2)}9${national.slice(2)}`);
  return fixed?.isValid() && fixed.getType() === "MOBILE" ? fixed : null;
}

function invalidPhone(raw: string): NormalizedPhone {
  return { e164: null, valid: false, mobile: false, raw };
}
