// Reads a webhook's body once, refusing before parsing what a portal must never send:
// a wrong content type (415), more than the limit (413, counted while streaming, not trusted
// from Content-Length) and malformed JSON (400).
import { AppError } from "@/lib/errors";

export const MAX_WEBHOOK_BODY_BYTES = 256 * 1024;

export type JsonBody = { value: unknown; raw: string };

/**
 * What reading a delivery needs from a request: its headers and its body as text, refused with 413
 * past `limit` bytes. A web Request gives it (deliveryOf); so does the direct lane's node:http
 * request, without building a Request and web streams per delivery.
 */
export type DeliveryRequest = {
  headers: Pick<Headers, "get">;
  text(limit: number): Promise<string>;
};

export function deliveryOf(request: Request): DeliveryRequest {
  return { headers: request.headers, text: (limit) => readLimited(request, limit) };
}

function isJsonContentType(header: string | null): boolean {
  if (!header) return false;
  const mediaType = header.split(";")[0]!.trim().toLowerCase();
  return mediaType === "application/json" || /^application\/[a-z0-9.+-]+\+json$/.test(mediaType);
}

/** The body as text, refused with 413 past `limit` bytes (also used by the form-encoded Twilio webhook). */
export async function readLimited(request: Request, limit: number): Promise<string> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export function tooLarge(limit: number): AppError {
  return new AppError("payload_too_large", `O corpo da requisição passa do limite de ${Math.round(limit / 1024)} KB`);
}

export async function readJsonBody(source: Request | DeliveryRequest, limit: number = MAX_WEBHOOK_BODY_BYTES): Promise<JsonBody> {
  const request = source instanceof Request ? deliveryOf(source) : source;
  if (!isJsonContentType(request.headers.get("content-type"))) {
    throw new AppError("unsupported_media_type", "Envie o corpo como JSON (Content-Type: application/json)");
  }
  const raw = await request.text(limit);
  if (raw.trim() === "") throw new AppError("invalid_json", "O corpo da requisição está vazio; envie o lead em JSON");
  try {
    return { value: JSON.parse(raw), raw };
  } catch {
    throw new AppError("invalid_json", "O corpo da requisição não é um JSON válido");
  }
}
