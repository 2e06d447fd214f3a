// LGPD: phones and e-mails must never reach a log line. The logger runs every event and
// field through maskPiiDeep; maskPhone is the friendlier version for the UI.
//
// What is masked and what is deliberately left alone (a masked number now and then is
// acceptable, a leaked phone is not):
// - Brazilian phones in any usual shape: "+55 11 98765-4321", "(11) 98765-4321",
//   "11987654321", "5511987654321", "whatsapp:+5511987654321", "987654321", "98765-4321",
//   "(11) 3456-7890", "3456-7890"; and any "+<8 to 15 digits>" (E.164 of other countries).
// - E-mails, also URL-encoded ("maria%40example.com").
// - NOT masked: a bare 8-digit run ("45000000") — it is as likely a price in centavos or a
//   compact date as a landline without area code, and without the area code it does not
//   identify anyone. Hyphenated ("3456-7890") it is masked.
// - Prices below R$ 10 milhões written as digits (up to 7 digits, "1250000") are never a
//   phone shape. A 10-digit run that starts with a valid DDD ("1732492800", an epoch in
//   seconds) IS masked: it cannot be told apart from a landline with area code.
// - UUIDs and ISO timestamps are skipped whole; digits glued to letters (ULIDs, Twilio
//   SIDs, hashes) are not phones; nor are digits after a decimal point.
// - Only Brazilian shapes are recognised without a "+": a US "4155552671" passes through.

const SEP = "[ .-]?";
// Brazilian area codes (DDD) in use; a bare 10/11-digit run needs one of these to count.
const DDD = "(?:1[1-9]|2[12478]|3[1-578]|4[1-9]|5[1345]|6[1-9]|7[13-579]|8[1-9]|9[1-9])";
const AREA = `(?:\\(0?\\d{2}\\)|0?${DDD})`;
const SUBSCRIBER = `(?:9${SEP}\\d{4}|[2-9]\\d{3})${SEP}\\d{4}`;
const PLUS = "(?:\\+|%2[Bb])";
const BR_INTERNATIONAL = `${PLUS}?55${SEP}${AREA}${SEP}${SUBSCRIBER}`;
const BR_NATIONAL = `${AREA}${SEP}${SUBSCRIBER}`;
const BR_LOCAL_MOBILE = `9${SEP}\\d{4}${SEP}\\d{4}`;
// A year range ("2024-2025") has the same shape as a hyphenated landline.
const BR_LOCAL_LANDLINE = `(?!(?:19|20)\\d{2}-(?:19|20)\\d{2})[2-9]\\d{3}-\\d{4}`;
const OTHER_INTERNATIONAL = `${PLUS}(?:\\d[ .()-]{0,2}){7,14}\\d`;

// Start: not glued to a letter or digit (unless it is the tail of %2B, %20 or %3A) and not
// the decimals of a number; "_" and ":" do separate ("phone_5511…", "rate:5511…").
// End: not followed by a letter, a digit or more decimals.
const START = "(?:(?<=%2[0Bb]|%3[Aa])|(?<![A-Za-z0-9]|\\d[.,]))";
const END = "(?![A-Za-z0-9]|[.,]\\d)";
const PHONE_RE = new RegExp(
  `${START}(?:${[BR_INTERNATIONAL, BR_NATIONAL, BR_LOCAL_MOBILE, BR_LOCAL_LANDLINE, OTHER_INTERNATIONAL].join("|")})${END}`,
  "g",
);

// Bounded quantifiers (RFC limits: 64-character local part, 63-character labels) keep this
// linear: unbounded ones made a long run of digits or dots quadratic (seconds per line).
const EMAIL_RE = /([\p{L}\p{N}._%+-]{1,64})(?:@|%40)((?:[\p{L}\p{N}-]{1,63}\.){1,8}\p{L}{2,24})/gu;
const MAY_HAVE_EMAIL = /@|%40/;

// Tokens that look numeric but are never personal data; they are copied through untouched.
const PROTECTED_RE =
  /([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)/;

/** Replaces every digit of a matched phone with "*" except the last two (and, for a
 *  Brazilian number, the country code and DDD), keeping the separators. */
function maskPhoneMatch(match: string): string {
  const prefix = /^%2[Bb]/.exec(match)?.[0] ?? "";
  const body = match.slice(prefix.length);
  const digits = body.replace(/\D/g, "");
  let head = 0;
  if (/^55\d{10,11}$/.test(digits)) head = 4;
  else if (/^[1-9]\d{9,10}$/.test(digits) && !prefix && !body.startsWith("+")) head = 2;
  const tailStart = digits.length - 2;
  let index = 0;
  const masked = body.replace(/\d/g, (d) => {
    const i = index++;
    return i < head || i >= tailStart ? d : "*";
  });
  return prefix + masked;
}

function maskEmailMatch(_match: string, local: string, domain: string): string {
  return `${maskEmailLocal(local)}@${domain}`;
}

function maskEmailLocal(local: string): string {
  const first = local.replace(/^%[0-9A-Fa-f]{2}/, "").charAt(0);
  return first ? `${first}***` : "***";
}

/** Masks phones and e-mails anywhere in a piece of text. Idempotent. */
export function maskPii(text: string): string {
  const mayHaveEmail = MAY_HAVE_EMAIL.test(text);
  if (!mayHaveEmail && !/\d/.test(text)) return text;
  const withoutEmails = mayHaveEmail ? text.replace(EMAIL_RE, maskEmailMatch) : text;
  return withoutEmails
    .split(PROTECTED_RE)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(PHONE_RE, maskPhoneMatch)))
    .join("");
}

/** Masks a phone for display: "+5511987654321" → "+55 11 *****-4321". Keeps the last 4
 *  digits, which a broker can recognise; logs keep only 2. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, "");
  const br = /^55(\d{2})(\d{8,9})$/.exec(digits);
  if (br) {
    const [, ddd = "", number = ""] = br;
    const hidden = number.length === 9 ? "*****" : "****";
    return `+55 ${ddd} ${hidden}-${number.slice(-4)}`;
  }
  if (digits.length < 6) return "***";
  return `${phone.trim().startsWith("+") ? "+" : ""}${"*".repeat(digits.length - 4)}${digits.slice(-4)}`;
}

/** Returns a copy of any value with every string (keys too), phone-shaped number and Error
 *  masked. Errors become plain objects { type, message, stack, ...props, cause }, which is
 *  also what the logger writes for them. Cycles become "[Circular]". */
export function maskPiiDeep(value: unknown): unknown {
  return maskValue(value, new WeakSet());
}

function maskValue(value: unknown, seen: WeakSet<object>): unknown {
  switch (typeof value) {
    case "string":
      return maskPii(value);
    case "number":
      return Number.isInteger(value) && Math.abs(value) >= 1e7 ? maskNumber(String(value), value) : value;
    case "bigint":
      return maskNumber(value.toString(), value);
    case "object":
      break;
    default:
      return value;
  }
  if (value === null) return null;
  if (seen.has(value)) return "[Circular]";
  seen.add(value);
  try {
    return maskObject(value, seen);
  } finally {
    seen.delete(value);
  }
}

function maskNumber(text: string, original: number | bigint): unknown {
  const masked = maskPii(text);
  return masked === text ? original : masked;
}

function maskObject(value: object, seen: WeakSet<object>): unknown {
  if (value instanceof Error) return maskError(value, seen);
  if (value instanceof Date) return value;
  if (ArrayBuffer.isView(value)) return `[binário: ${value.byteLength} bytes]`;
  if (Array.isArray(value)) return value.map((item) => maskValue(item, seen));
  if (value instanceof Map) {
    return Object.fromEntries([...value].map(([k, v]) => [maskPii(String(k)), maskValue(v, seen)]));
  }
  if (value instanceof Set) return [...value].map((item) => maskValue(item, seen));
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === "function") return maskValue(toJSON.call(value), seen);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[maskPii(k)] = maskValue(v, seen);
  return out;
}

// A database error carries the row's values where no phone/e-mail pattern can find the names in
// them: drizzle's DrizzleQueryError has the bound `params` (also appended to its message), and a
// Postgres error (pg, PGlite) has `detail` ("Failing row contains (…, Ana Souza, …)"), `where`,
// `internalQuery` and, for a data exception, the rejected value quoted at the end of its message.
// These are dropped, not masked; the SQL text, SQLSTATE code, table and constraint stay.
const DB_VALUE_FIELDS = new Set(["params", "parameters", "values", "detail", "where", "internalQuery"]);
const OMITTED = "[omitido]";

function isDbError(err: Error): boolean {
  const e = err as { code?: unknown; severity?: unknown; query?: unknown; params?: unknown };
  return (
    (typeof e.code === "string" && /^[0-9A-Z]{5}$/.test(e.code) && typeof e.severity === "string") ||
    (typeof e.query === "string" && "params" in e)
  );
}

/** The message without the values a database put in it. */
function redactDbMessage(message: string): string {
  const paramsAt = message.indexOf("\nparams: ");
  const withoutParams = paramsAt === -1 ? message : `${message.slice(0, paramsAt)}\nparams: ${OMITTED}`;
  // invalid input syntax for type uuid: "Ana Souza" / invalid byte sequence …: 0x00 stays (no data)
  return withoutParams.replace(/: "[\s\S]*"$/, `: "${OMITTED}"`);
}

function maskError(err: Error, seen: WeakSet<object>): Record<string, unknown> {
  const dbError = isDbError(err);
  const message = dbError ? redactDbMessage(err.message) : err.message;
  const out: Record<string, unknown> = {
    type: err.constructor?.name && err.constructor.name !== "Object" ? err.constructor.name : err.name,
    message: maskPii(message),
  };
  if (err.stack) {
    // The stack's first line repeats the message; without it the stack says only where.
    const stack = dbError && message !== err.message ? err.stack.split(err.message).join(message) : err.stack;
    out.stack = maskPii(stack);
  }
  for (const [k, v] of Object.entries(err)) {
    if (k in out) continue;
    out[maskPii(k)] = dbError && DB_VALUE_FIELDS.has(k) && v != null ? omitted(v) : maskValue(v, seen);
  }
  if (err.cause !== undefined) out.cause = maskValue(err.cause, seen);
  if (err instanceof AggregateError) out.errors = maskValue(err.errors, seen);
  return out;
}

function omitted(value: unknown): string {
  return Array.isArray(value) ? `[${value.length} valores omitidos]` : OMITTED;
}
