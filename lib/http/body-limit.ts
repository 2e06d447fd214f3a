// Reading a request body within limits: at most `limit` bytes (413, counted while streaming, not
// trusted from Content-Length) and, given a signal, only until it aborts (408: a stalled body must
// not hold a connection for the server's 300 s request timeout).
import { AppError } from "@/lib/errors";

export function tooLarge(limit: number): AppError {
  return new AppError("payload_too_large", `O corpo da requisição passa do limite de ${Math.round(limit / 1024)} KB`);
}

export function bodyTimedOut(): AppError {
  return new AppError("request_timeout", "O corpo da requisição não chegou a tempo; reenvie a entrega");
}

/** A web Request's body bytes, refused with 413 past `limit` and with 408 once `signal` aborts. */
export async function readLimitedBytes(request: Request, limit: number, signal?: AbortSignal): Promise<Buffer> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  if (signal?.aborted) throw bodyTimedOut();
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  // Cancelling ends the pending read with done: true; the signal then says why.
  const stop = () => void reader.cancel().catch(() => undefined);
  signal?.addEventListener("abort", stop, { once: true });
  try {
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (signal?.aborted) throw bodyTimedOut();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge(limit);
      }
      chunks.push(value);
    }
    return Buffer.concat(chunks, size);
  } finally {
    signal?.removeEventListener("abort", stop);
  }
}
