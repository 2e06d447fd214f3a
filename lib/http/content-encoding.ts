// A webhook body sent compressed (Content-Encoding): gzip, deflate and br are decoded within the
// same size limit as a plain body, applied to the DECODED size; zlib stops at the limit, so a small
// body that inflates to gigabytes costs at most `limit` bytes of memory (413). Anything else is 415.
import { promisify } from "node:util";
import zlib from "node:zlib";
import { AppError } from "@/lib/errors";
import { tooLarge } from "./body-limit";

type Decode = (input: Buffer, options: { maxOutputLength: number }) => Promise<Buffer>;

const gunzip: Decode = promisify(zlib.gunzip);
const inflate: Decode = promisify(zlib.inflate);
const inflateRaw: Decode = promisify(zlib.inflateRaw);
const brotli: Decode = promisify(zlib.brotliDecompress);

// HTTP's "deflate" is the zlib format; some clients send bare deflate, told apart by the zlib header.
const hasZlibHeader = (b: Buffer) => b.length >= 2 && (b[0]! & 0x0f) === 8 && ((b[0]! << 8) | b[1]!) % 31 === 0;

const DECODERS = {
  gzip: gunzip,
  "x-gzip": gunzip,
  deflate: (input: Buffer, options: { maxOutputLength: number }) =>
    (hasZlibHeader(input) ? inflate : inflateRaw)(input, options),
  br: brotli,
} satisfies Record<string, Decode>;

export type ContentEncoding = keyof typeof DECODERS | null;

export const SUPPORTED_ENCODINGS = "gzip, deflate, br";

/** The body's encoding from its Content-Encoding header (null = none); 415 for one we do not decode. */
export function contentEncodingOf(header: string | null): ContentEncoding {
  const value = header?.trim().toLowerCase() ?? "";
  if (value === "" || value === "identity") return null;
  if (Object.hasOwn(DECODERS, value)) return value as keyof typeof DECODERS;
  throw new AppError("unsupported_media_type", `Content-Encoding não suportado: use ${SUPPORTED_ENCODINGS} ou nenhum`, {
    headers: { "accept-encoding": SUPPORTED_ENCODINGS },
  });
}

/** The decoded body: 413 past `limit` decoded bytes, 400 when the bytes are not valid for the encoding. */
export async function decodeBody(bytes: Buffer, encoding: ContentEncoding, limit: number): Promise<Buffer> {
  if (encoding === null) return bytes;
  try {
    return await DECODERS[encoding](bytes, { maxOutputLength: limit });
  } catch (err) {
    if ((err as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") throw tooLarge(limit);
    throw new AppError("bad_request", `O corpo não é ${encoding} válido (Content-Encoding: ${encoding})`, {
      cause: err,
    });
  }
}
