// What a webhook's JSON may carry that Postgres refuses (jsonb and text take no NUL; jsonb takes no
// lone surrogate) or that would overflow the stack of whatever walks it: checked and cleaned before
// anything parses the body further or stores it, so odd input is a lead stored or a 4xx, never a 5xx.
import { AppError } from "@/lib/errors";

/** Portal payloads nest 3–5 levels; far more is an attack or a bug, refused before JSON.parse. */
export const MAX_JSON_DEPTH = 64;

const OPEN_BRACE = 0x7b,
  OPEN_BRACKET = 0x5b,
  CLOSE_BRACE = 0x7d,
  CLOSE_BRACKET = 0x5d,
  QUOTE = 0x22,
  BACKSLASH = 0x5c;

/**
 * Refuses (422) a JSON text nested deeper than `max` arrays/objects. One pass over the characters,
 * skipping strings; it does not validate the JSON (JSON.parse does that next).
 */
export function assertJsonDepth(raw: string, max: number = MAX_JSON_DEPTH): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++depth > max) throw new AppError("validation_failed", `JSON aninhado demais (máx. ${max} níveis)`);
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) depth--;
  }
}

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const NEEDS_CLEANING = /[\u0000\uD800-\uDFFF]/;

function cleanString(s: string): string {
  if (!NEEDS_CLEANING.test(s)) return s;
  return s.replace(/\u0000/g, "").replace(LONE_SURROGATE, "\uFFFD");
}

export type SanitizedJson = { value: unknown; sanitized: boolean };

/**
 * The parsed JSON with every string and object key cleaned: NULs dropped, lone surrogates replaced
 * by U+FFFD. `raw` is the text it was parsed from: body text decoded from UTF-8 holds neither, so
 * they can only come from a `\u` escape, and a text without one is returned as is without a walk.
 * Expects a value within MAX_JSON_DEPTH (assertJsonDepth).
 */
export function sanitizeJson(value: unknown, raw: string): SanitizedJson {
  if (!raw.includes("\\u")) return { value, sanitized: false };
  let sanitized = false;
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") {
      const cleaned = cleanString(v);
      if (cleaned !== v) sanitized = true;
      return cleaned;
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === "object") {
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(v)) {
        const cleanKey = cleanString(key);
        if (cleanKey !== key) sanitized = true;
        // defineProperty: a "__proto__" key stays a key, as JSON.parse made it, not a prototype.
        Object.defineProperty(out, cleanKey, {
          value: walk(item),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out;
    }
    return v;
  };
  const cleaned = walk(value);
  return { value: cleaned, sanitized };
}
