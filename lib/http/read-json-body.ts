// Reads a webhook's body once, refusing before parsing what a portal must never send: a wrong
// content type (415) or content encoding (415), more than the limit once decoded (413), a body that
// does not arrive in time (408), malformed JSON (400) or JSON nested absurdly deep (422). What
// Postgres cannot store (NULs, lone surrogates) is cleaned out of the parsed value (json-input-safety.ts).
import { AppError } from "@/lib/errors";
import { readLimitedBytes, tooLarge } from "./body-limit";
import { contentEncodingOf, decodeBody } from "./content-encoding";
import { assertJsonDepth, sanitizeJson } from "./json-input-safety";

export { tooLarge };

export const MAX_WEBHOOK_BODY_BYTES = 256 * 1024;

/** `value` is the parsed body, cleaned; `sanitized` says whether cleaning changed anything. */
export type JsonBody = { value: unknown; raw: string; sanitized: boolean };

/**
 * What reading a delivery needs from a request: its headers and its raw body bytes, refused with
 * 413 past `limit` bytes and with 408 once `signal` aborts. A web Request gives it (deliveryOf); so
 * does the direct lane's node:http request, without building a Request and web streams per delivery.
 */
export type DeliveryRequest = {
  headers: Pick<Headers, "get">;
  bytes(limit: number, signal?: AbortSignal): Promise<Buffer>;
};

export function deliveryOf(request: Request): DeliveryRequest {
  return { headers: request.headers, bytes: (limit, signal) => readLimitedBytes(request, limit, signal) };
}

function isJsonContentType(header: string | null): boolean {
  if (!header) return false;
  const mediaType = header.split(";")[0]!.trim().toLowerCase();
  return mediaType === "application/json" || /^application\/[a-z0-9.+-]+\+json$/.test(mediaType);
}

/** The body as text, refused with 413 past `limit` bytes (the form-encoded Twilio webhook). */
export async function readLimited(request: Request, limit: number): Promise<string> {
  return (await readLimitedBytes(request, limit)).toString("utf8");
}

export type ReadJsonOptions = { limit?: number; signal?: AbortSignal };

export async function readJsonBody(
  source: Request | DeliveryRequest,
  options: ReadJsonOptions = {},
): Promise<JsonBody> {
  const { limit = MAX_WEBHOOK_BODY_BYTES, signal } = options;
  const request = source instanceof Request ? deliveryOf(source) : source;
  if (!isJsonContentType(request.headers.get("content-type"))) {
    throw new AppError("unsupported_media_type", "Envie o corpo como JSON (Content-Type: application/json)");
  }
  const encoding = contentEncodingOf(request.headers.get("content-encoding"));
  const raw = (await decodeBody(await request.bytes(limit, signal), encoding, limit)).toString("utf8");
  if (raw.trim() === "") throw new AppError("invalid_json", "O corpo da requisição está vazio; envie o lead em JSON");
  assertJsonDepth(raw);
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new AppError("invalid_json", "O corpo da requisição não é um JSON válido");
  }
  const { value, sanitized } = sanitizeJson(parsed, raw);
  return { value, raw, sanitized };
}
