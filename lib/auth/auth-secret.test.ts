import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AUTH_SECRET_FILE, resolveAuthSecret } from "./auth-secret";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "lastro-auth-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("resolveAuthSecret", () => {
  it("uses AUTH_SECRET when it is set, and writes nothing", async () => {
    expect(resolveAuthSecret({ configured: "um-segredo-configurado-longo", dataDir: dir })).toBe(
      "um-segredo-configurado-longo",
    );
    await expect(stat(path.join(dir, AUTH_SECRET_FILE))).rejects.toThrow();
  });

  it("without it, generates one secret in the data dir (mode 0600) and keeps returning it", async () => {
    const dataDir = path.join(dir, "nested", "data");
    const first = resolveAuthSecret({ configured: null, dataDir });
    expect(first.length).toBeGreaterThanOrEqual(32);
    const file = path.join(dataDir, AUTH_SECRET_FILE);
    expect((await readFile(file, "utf8")).trim()).toBe(first);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(resolveAuthSecret({ configured: null, dataDir })).toBe(first);
  });

  it("reads a secret an earlier run stored", async () => {
    await writeFile(path.join(dir, AUTH_SECRET_FILE), "segredo-de-uma-execucao-anterior-0123456789\n");
    expect(resolveAuthSecret({ configured: null, dataDir: dir })).toBe("segredo-de-uma-execucao-anterior-0123456789");
  });

  it("refuses to silently replace a damaged secret file", async () => {
    await writeFile(path.join(dir, AUTH_SECRET_FILE), "curto");
    expect(() => resolveAuthSecret({ configured: null, dataDir: dir })).toThrow(/não contém um segredo válido/);
  });
});
