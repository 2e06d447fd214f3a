// Secrets at rest (integration tokens, API keys) are sealed with AES-256-GCM under
// ENCRYPTION_KEY; without it (embedded mode) a key is generated once into DATA_DIR.
import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";
import { log, type Logger } from "@/lib/log";

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
export const KEY_FILE_NAME = "encryption.key";

/** Thrown when a payload is malformed, was tampered with or was sealed under another key. */
export class SecretDecryptionError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "SecretDecryptionError";
  }
}

/** Parses a 32-byte key written as 64 hex characters or as base64. */
export function parseEncryptionKey(value: string): Buffer {
  const text = value.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, "hex") : Buffer.from(text, "base64");
  if (key.length !== KEY_BYTES) {
    throw new Error("ENCRYPTION_KEY deve ter 32 bytes: 64 caracteres hexadecimais ou base64 de 32 bytes");
  }
  return key;
}

function assertKey(key: Buffer): void {
  if (key.length !== KEY_BYTES) throw new Error(`chave de criptografia deve ter ${KEY_BYTES} bytes`);
}

/** Seals `plaintext` as "v1:<iv b64>:<tag b64>:<ciphertext b64>" with a fresh random IV. */
export function encryptSecret(plaintext: string, key: Buffer = getEncryptionKey()): string {
  assertKey(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, iv.toString("base64"), tag.toString("base64"), ciphertext.toString("base64")].join(":");
}

const B64 = /^[A-Za-z0-9+/]*={0,2}$/;

function decodePart(part: string | undefined, expectedBytes?: number): Buffer {
  if (part === undefined || !B64.test(part)) throw new SecretDecryptionError("segredo cifrado malformado");
  const bytes = Buffer.from(part, "base64");
  if (expectedBytes !== undefined && bytes.length !== expectedBytes) {
    throw new SecretDecryptionError("segredo cifrado malformado");
  }
  return bytes;
}

/** Opens a payload from encryptSecret. A wrong key or any altered byte throws
 *  SecretDecryptionError: GCM authenticates, so garbage is never returned. */
export function decryptSecret(payload: string, key: Buffer = getEncryptionKey()): string {
  assertKey(key);
  const parts = payload.split(":");
  if (parts[0] !== VERSION) {
    // Echo the prefix only when it is a version tag: the payload might be a plaintext secret.
    const seen = /^v\d{1,3}$/.test(parts[0] ?? "") ? `: ${parts[0]}` : "";
    throw new SecretDecryptionError(`versão de segredo cifrado desconhecida${seen} (esperava ${VERSION})`);
  }
  if (parts.length !== 4) throw new SecretDecryptionError("segredo cifrado malformado");
  const iv = decodePart(parts[1], IV_BYTES);
  const tag = decodePart(parts[2], TAG_BYTES);
  const ciphertext = decodePart(parts[3]);
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString("utf8");
  } catch (err) {
    throw new SecretDecryptionError(
      "não foi possível decifrar o segredo: ENCRYPTION_KEY diferente da usada para cifrar ou dado adulterado",
      { cause: err },
    );
  }
}

const errorCode = (err: unknown) => (err as NodeJS.ErrnoException | undefined)?.code;

/** Creates `file` with `contents` unless it exists; true when this call created it.
 *  Written whole to a temp file, then hard-linked into place: link fails if the file
 *  exists, so two processes starting together agree on one key and neither reads a
 *  half-written file. */
function createFileExclusive(file: string, contents: string): boolean {
  const temp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  fs.writeFileSync(temp, contents, { mode: 0o600 });
  try {
    fs.linkSync(temp, file);
    return true;
  } catch (err) {
    if (errorCode(err) === "EEXIST") return false;
    if (!["EPERM", "ENOTSUP", "EXDEV", "ENOSYS"].includes(errorCode(err) ?? "")) throw err;
    // No hard links on this filesystem: a plain exclusive create is the next best thing.
    try {
      fs.writeFileSync(file, contents, { flag: "wx", mode: 0o600 });
      return true;
    } catch (err2) {
      if (errorCode(err2) === "EEXIST") return false;
      throw err2;
    }
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

/** Reads `<dir>/encryption.key`, or creates it (32 random bytes as hex, mode 0600, the
 *  directory too) when missing, logging `secrets.generated_key`. A file that exists but
 *  does not parse is an error, never overwritten: that would orphan every stored secret. */
export function loadOrCreateKeyFile(
  dir: string,
  logger: Logger = log,
): { key: Buffer; created: boolean; file: string } {
  const file = path.join(dir, KEY_FILE_NAME);
  fs.mkdirSync(dir, { recursive: true });
  const key = randomBytes(KEY_BYTES);
  if (!createFileExclusive(file, `${key.toString("hex")}\n`)) {
    try {
      return { key: parseEncryptionKey(fs.readFileSync(file, "utf8")), created: false, file };
    } catch (cause) {
      throw new Error(`arquivo de chave inválido em ${file}; restaure-o ou defina ENCRYPTION_KEY`, { cause });
    }
  }
  logger.warn("secrets.generated_key", {
    file,
    hint: "Chave de criptografia gerada automaticamente. Em produção, defina ENCRYPTION_KEY (64 hex) e guarde-a fora do servidor.",
  });
  return { key, created: true, file };
}

let cachedKey: Buffer | undefined;

/** The process-wide key: ENCRYPTION_KEY when set, else the key file under DATA_DIR. */
export function getEncryptionKey(): Buffer {
  cachedKey ??= env.encryptionKey ? parseEncryptionKey(env.encryptionKey) : loadOrCreateKeyFile(env.dataDir).key;
  return cachedKey;
}

/** Constant-time string comparison. Hashing first makes both sides 32 bytes, so neither
 *  the content nor the length of the expected value leaks through timing. */
export function safeEqual(a: string, b: string): boolean {
  const ha = createHash("sha256").update(a, "utf8").digest();
  const hb = createHash("sha256").update(b, "utf8").digest();
  return timingSafeEqual(ha, hb);
}
