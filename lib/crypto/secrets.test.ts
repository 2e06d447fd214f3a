import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Logger, LogFields } from "@/lib/log";
import {
  KEY_FILE_NAME,
  SecretDecryptionError,
  decryptSecret,
  encryptSecret,
  loadOrCreateKeyFile,
  parseEncryptionKey,
  safeEqual,
} from "./secrets";

const key = randomBytes(32);
const SECRET = "twilio-auth-token-0123456789abcdef";

function recordingLogger() {
  const events: { level: string; event: string; fields?: LogFields }[] = [];
  const make = (): Logger => ({
    debug: (event, fields) => void events.push({ level: "debug", event, fields }),
    info: (event, fields) => void events.push({ level: "info", event, fields }),
    warn: (event, fields) => void events.push({ level: "warn", event, fields }),
    error: (event, fields) => void events.push({ level: "error", event, fields }),
    child: () => make(),
  });
  return { logger: make(), events };
}

/** Flips one bit in the base64 part `index` (1 = iv, 2 = tag, 3 = ciphertext). */
function tamper(payload: string, index: number): string {
  const parts = payload.split(":");
  const bytes = Buffer.from(parts[index]!, "base64");
  bytes[0] = bytes[0]! ^ 0x01;
  parts[index] = bytes.toString("base64");
  return parts.join(":");
}

describe("encryptSecret / decryptSecret", () => {
  it("round-trips, including unicode and the empty string", () => {
    for (const text of [SECRET, "senha com acentuação ✓", ""]) {
      expect(decryptSecret(encryptSecret(text, key), key)).toBe(text);
    }
  });

  it("produces a versioned v1:<iv>:<tag>:<ciphertext> string without the plaintext", () => {
    const payload = encryptSecret(SECRET, key);
    const [version, iv, tag, ciphertext, ...rest] = payload.split(":");
    expect(version).toBe("v1");
    expect(rest).toEqual([]);
    expect(Buffer.from(iv!, "base64")).toHaveLength(12);
    expect(Buffer.from(tag!, "base64")).toHaveLength(16);
    expect(Buffer.from(ciphertext!, "base64")).toHaveLength(Buffer.byteLength(SECRET));
    expect(payload).not.toContain(SECRET);
    expect(payload).not.toContain(Buffer.from(SECRET).toString("base64"));
    expect(payload).not.toContain("0123456789abcdef");
  });

  it("uses a fresh IV: two encryptions of the same text differ", () => {
    const a = encryptSecret(SECRET, key);
    const b = encryptSecret(SECRET, key);
    expect(a).not.toBe(b);
    expect(a.split(":")[1]).not.toBe(b.split(":")[1]);
  });

  it.each([
    ["iv", 1],
    ["tag", 2],
    ["ciphertext", 3],
  ])("rejects a tampered %s", (_name, index) => {
    const payload = tamper(encryptSecret(SECRET, key), index);
    expect(() => decryptSecret(payload, key)).toThrow(SecretDecryptionError);
    expect(() => decryptSecret(payload, key)).toThrow(/adulterado/);
  });

  it("rejects a wrong key with a clear error, never garbage", () => {
    const payload = encryptSecret(SECRET, key);
    expect(() => decryptSecret(payload, randomBytes(32))).toThrow(/ENCRYPTION_KEY diferente/);
  });

  it("rejects malformed payloads and unknown versions", () => {
    const payload = encryptSecret(SECRET, key);
    expect(() => decryptSecret("tokenplano", key)).toThrow(/versão de segredo cifrado desconhecida \(esperava v1\)/);
    expect(() => decryptSecret("tokenplano", key)).not.toThrow(/tokenpl/);
    expect(() => decryptSecret(payload.replace(/^v1/, "v2"), key)).toThrow(/desconhecida: v2/);
    expect(() => decryptSecret(payload.split(":").slice(0, 3).join(":"), key)).toThrow(/malformado/);
    expect(() => decryptSecret(`v1:!!!:${payload.split(":").slice(2).join(":")}`, key)).toThrow(/malformado/);
    const [v, , tag, ct] = payload.split(":");
    expect(() => decryptSecret([v, randomBytes(8).toString("base64"), tag, ct].join(":"), key)).toThrow(/malformado/);
  });

  it("refuses keys that are not 32 bytes", () => {
    expect(() => encryptSecret(SECRET, randomBytes(16))).toThrow(/32 bytes/);
  });
});

describe("parseEncryptionKey", () => {
  it("accepts 64 hex characters and base64 of 32 bytes", () => {
    expect(parseEncryptionKey(key.toString("hex")).equals(key)).toBe(true);
    expect(parseEncryptionKey(key.toString("base64")).equals(key)).toBe(true);
    expect(parseEncryptionKey(` ${key.toString("hex")}\n`).equals(key)).toBe(true);
  });
  it("rejects other lengths", () => {
    expect(() => parseEncryptionKey("abcd")).toThrow(/32 bytes/);
    expect(() => parseEncryptionKey(randomBytes(16).toString("base64"))).toThrow(/32 bytes/);
  });
});

describe("loadOrCreateKeyFile", () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lastro-secrets-"));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("creates a 0600 key file (and its directory) once, warns, and reuses it later", () => {
    const dir = path.join(tempDir(), "nested", "data");
    const first = recordingLogger();
    const created = loadOrCreateKeyFile(dir, first.logger);
    expect(created.created).toBe(true);
    expect(created.key).toHaveLength(32);
    expect(created.file).toBe(path.join(dir, KEY_FILE_NAME));
    expect(fs.statSync(created.file).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(dir)).toEqual([KEY_FILE_NAME]); // no temp file left behind
    expect(first.events).toHaveLength(1);
    expect(first.events[0]).toMatchObject({ level: "warn", event: "secrets.generated_key" });
    expect(String(first.events[0]?.fields?.hint)).toContain("ENCRYPTION_KEY");

    const second = recordingLogger();
    const reused = loadOrCreateKeyFile(dir, second.logger);
    expect(reused.created).toBe(false);
    expect(reused.key.equals(created.key)).toBe(true);
    expect(second.events).toEqual([]);

    // A secret sealed before a restart opens after it.
    const payload = encryptSecret(SECRET, created.key);
    expect(decryptSecret(payload, loadOrCreateKeyFile(dir, second.logger).key)).toBe(SECRET);
  });

  it("refuses to overwrite a corrupt key file", () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, KEY_FILE_NAME), "não é uma chave");
    expect(() => loadOrCreateKeyFile(dir, recordingLogger().logger)).toThrow(/arquivo de chave inválido/);
    expect(fs.readFileSync(path.join(dir, KEY_FILE_NAME), "utf8")).toBe("não é uma chave");
  });

  it("gives different directories different keys", () => {
    const a = loadOrCreateKeyFile(tempDir(), recordingLogger().logger).key;
    const b = loadOrCreateKeyFile(tempDir(), recordingLogger().logger).key;
    expect(a.equals(b)).toBe(false);
  });
});

describe("safeEqual", () => {
  it("compares strings of any length", () => {
    expect(safeEqual("segredo", "segredo")).toBe(true);
    expect(safeEqual("segredo", "segredO")).toBe(false);
    expect(safeEqual("segredo", "segredo-mais-longo")).toBe(false);
    expect(safeEqual("", "")).toBe(true);
    expect(safeEqual("", "x")).toBe(false);
    expect(safeEqual("ação", "acao")).toBe(false);
  });
});
