// The HMAC key of the short links, derived from the server's encryption key (ENCRYPTION_KEY, or the key
// file generated in DATA_DIR): no new variable to set, and the web and worker processes agree on it.
import { hkdfSync } from "node:crypto";
import { getEncryptionKey } from "@/lib/crypto/secrets";

// A label of its own, so this key says nothing about the one that seals the secrets at rest.
const INFO = "lastro/short-link/v1";

export function deriveShortLinkKey(secret: Buffer): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, Buffer.alloc(0), INFO, 32));
}

let cached: Buffer | undefined;

export function shortLinkKey(): Buffer {
  cached ??= deriveShortLinkKey(getEncryptionKey());
  return cached;
}
