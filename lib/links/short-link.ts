// The token of a short link in a WhatsApp message (`/r/<token>`): stateless and signed, so a tap needs no
// row written beforehand. It names the lead, binds the broker it was sent to, says where it goes and expires.
//
// Bytes, base64url: header (version, kind) · expiry in hours (3) · lead id · broker hint (2) · HMAC (8).
// A `lead_<ULID>` id packs into 16 bytes, so a token is 40 characters; any other id travels as text.
// The broker is not carried whole (two ids would not fit in 40): the MAC covers the full broker id
// and a 2-byte hint picks the candidate among the lead's agency's brokers (readShortLink, verifyShortLink).
import { createHash, createHmac, timingSafeEqual } from "node:crypto";

export const SHORT_LINK_KINDS = ["wa", "lead"] as const;
/** `wa`: answer the lead on WhatsApp; `lead`: open the lead page. */
export type ShortLinkKind = (typeof SHORT_LINK_KINDS)[number];

/** A week: an alert older than that is stale, and a digest's or summary's leads are told again. */
export const SHORT_LINK_TTL_MS = 7 * 24 * 60 * 60_000;

export type ShortLink = { leadId: string; corretorId: string; kind: ShortLinkKind; expiraEm: Date };

/** A token's content before its signature is checked: nothing here is trusted yet. */
export type ParsedShortLink = {
  leadId: string;
  kind: ShortLinkKind;
  expiraEm: Date;
  hint: Buffer;
  signed: Buffer;
  mac: Buffer;
};

export type ShortLinkCheck = { ok: true; link: ShortLink } | { ok: false; motivo: "invalido" | "expirado" };

const VERSION = 1;
const RAW_ID_FLAG = 0b10;
const LEAD_KIND_FLAG = 0b01;
const HOUR_MS = 3_600_000;
const MAX_HOURS = 2 ** 24 - 1;
const HINT_BYTES = 2;
const MAC_BYTES = 8;

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
// newId("lead"): 10 time characters (48 bits, so the first is at most 7) then 16 random ones: 128 bits.
const PACKABLE_LEAD_ID = /^lead_([0-7][0-9A-HJKMNP-TV-Z]{25})$/;
const TOKEN = /^[A-Za-z0-9_-]{20,120}$/;

function packUlid(ulid: string): Buffer {
  let n = 0n;
  for (const c of ulid) n = (n << 5n) | BigInt(CROCKFORD.indexOf(c));
  return Buffer.from(n.toString(16).padStart(32, "0"), "hex");
}

function unpackUlid(bytes: Buffer): string {
  let n = BigInt(`0x${bytes.toString("hex")}`);
  let out = "";
  for (let i = 0; i < 26; i++) {
    out = CROCKFORD[Number(n & 31n)] + out;
    n >>= 5n;
  }
  return out;
}

function corretorHint(corretorId: string): Buffer {
  return createHash("sha256").update(corretorId, "utf8").digest().subarray(0, HINT_BYTES);
}

function macOf(key: Buffer, signed: Buffer, corretorId: string): Buffer {
  return createHmac("sha256", key)
    .update(signed)
    .update(Buffer.from([0]))
    .update(corretorId, "utf8")
    .digest()
    .subarray(0, MAC_BYTES);
}

export function signShortLink(link: ShortLink, key: Buffer): string {
  const packed = PACKABLE_LEAD_ID.exec(link.leadId);
  const rawId = Buffer.from(link.leadId, "utf8");
  if (!packed && (rawId.length === 0 || rawId.length > 255)) throw new Error("id de lead inválido para link curto");
  const header = (VERSION << 4) | (packed ? 0 : RAW_ID_FLAG) | (link.kind === "lead" ? LEAD_KIND_FLAG : 0);
  const hours = Math.min(MAX_HOURS, Math.ceil(link.expiraEm.getTime() / HOUR_MS));
  const expiry = Buffer.alloc(3);
  expiry.writeUIntBE(Math.max(0, hours), 0, 3);
  const id = packed ? packUlid(packed[1]!) : Buffer.concat([Buffer.from([rawId.length]), rawId]);
  const signed = Buffer.concat([Buffer.from([header]), expiry, id, corretorHint(link.corretorId)]);
  return Buffer.concat([signed, macOf(key, signed, link.corretorId)]).toString("base64url");
}

/** The token's fields, or null when it is not a token at all (no database read is worth it then). */
export function readShortLink(token: string): ParsedShortLink | null {
  if (!TOKEN.test(token)) return null;
  const bytes = Buffer.from(token, "base64url");
  if (bytes.toString("base64url") !== token) return null;
  const header = bytes[0]!;
  if (header >> 4 !== VERSION || (header & 0b1100) !== 0) return null;
  let offset = 4;
  let leadId: string;
  if (header & RAW_ID_FLAG) {
    const length = bytes[offset] ?? 0;
    const raw = bytes.subarray(offset + 1, offset + 1 + length);
    if (length === 0 || raw.length !== length) return null;
    leadId = raw.toString("utf8");
    offset += 1 + length;
  } else {
    if (bytes.length < offset + 16) return null;
    leadId = `lead_${unpackUlid(bytes.subarray(offset, offset + 16))}`;
    offset += 16;
  }
  if (bytes.length !== offset + HINT_BYTES + MAC_BYTES) return null;
  return {
    leadId,
    kind: header & LEAD_KIND_FLAG ? "lead" : "wa",
    expiraEm: new Date(bytes.readUIntBE(1, 3) * HOUR_MS),
    hint: bytes.subarray(offset, offset + HINT_BYTES),
    signed: bytes.subarray(0, offset + HINT_BYTES),
    mac: bytes.subarray(offset + HINT_BYTES),
  };
}

/**
 * Which of `corretorIds` (the lead's agency's brokers) the token was signed for. A broker of
 * another agency is never a candidate, so a token cannot reach across agencies.
 */
export function verifyShortLink(
  parsed: ParsedShortLink,
  { key, now, corretorIds }: { key: Buffer; now: Date; corretorIds: readonly string[] },
): ShortLinkCheck {
  const corretorId = corretorIds.find(
    (id) => corretorHint(id).equals(parsed.hint) && timingSafeEqual(macOf(key, parsed.signed, id), parsed.mac),
  );
  if (!corretorId) return { ok: false, motivo: "invalido" };
  if (parsed.expiraEm <= now) return { ok: false, motivo: "expirado" };
  return { ok: true, link: { leadId: parsed.leadId, corretorId, kind: parsed.kind, expiraEm: parsed.expiraEm } };
}
