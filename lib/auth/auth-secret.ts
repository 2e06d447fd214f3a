// The key that signs and encrypts session cookies. AUTH_SECRET in production; without it (the
// embedded/dev mode) one random secret is generated once and kept in the data dir, so sessions
// survive restarts and every process of the same instance agrees on it.
import { randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { log } from "@/lib/log";

export const AUTH_SECRET_FILE = "auth-secret";
const MIN_LENGTH = 32;

export type AuthSecretSource = { configured: string | null; dataDir: string };

function readStored(file: string): string | null {
  try {
    const stored = readFileSync(file, "utf8").trim();
    return stored.length >= MIN_LENGTH ? stored : null;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw err;
  }
}

function generate(file: string): string {
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  try {
    // "wx": when two processes race, the second fails here and reads the first one's secret.
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: "wx" });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    const winner = readStored(file);
    if (!winner) throw new Error(`${file} existe, mas não contém um segredo válido; apague o arquivo para gerar outro`);
    return winner;
  }
  chmodSync(file, 0o600); // the umask may have widened the mode given to writeFileSync
  log.warn("auth.secret_generated", {
    file,
    hint: "AUTH_SECRET não definida: segredo de sessão gerado e guardado no diretório de dados. Defina AUTH_SECRET em produção.",
  });
  return secret;
}

const cache = new Map<string, string>();

/** AUTH_SECRET when set; otherwise the one stored in `<dataDir>/auth-secret` (created on first use). */
export function resolveAuthSecret({ configured, dataDir }: AuthSecretSource): string {
  if (configured) return configured;
  const file = path.join(dataDir, AUTH_SECRET_FILE);
  const known = cache.get(file);
  if (known) return known;
  const stored = readStored(file);
  if (stored) {
    log.warn("auth.secret_from_data_dir", {
      file,
      hint: "AUTH_SECRET não definida: usando o segredo guardado no diretório de dados.",
    });
  }
  const secret = stored ?? generate(file);
  cache.set(file, secret);
  return secret;
}
