// getDb() reads env.database, so the env is pointed at a throwaway DATA_DIR before the first import.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

let dataDir: string;
let client: typeof import("./client");

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "lastro-getdb-"));
  vi.stubEnv("DATA_DIR", dataDir); // only PGlite uses it; with DATABASE_URL the server's db is pinged
  client = await import("./client");
});

afterAll(async () => {
  const handle = await client?.getDb();
  await handle?.close();
  vi.unstubAllEnvs();
  await rm(dataDir, { recursive: true, force: true });
});

describe("getDb", () => {
  it("returns one instance to concurrent first calls", async () => {
    const handles = await Promise.all([client.getDb(), client.getDb(), client.getDb()]);
    expect(new Set(handles).size).toBe(1);
    await expect(handles[0]!.ping()).resolves.toBeUndefined();
  });

  it("keeps that instance across a module reload (Next dev hot reload)", async () => {
    const before = await client.getDb();
    vi.resetModules();
    const reloaded: typeof import("./client") = await import("./client");
    expect(reloaded).not.toBe(client);
    expect(await reloaded.getDb()).toBe(before);
  });

  it("opens a fresh instance after the singleton is closed", async () => {
    const first = await client.getDb();
    await first.close();
    const second = await client.getDb();
    expect(second).not.toBe(first);
    await expect(second.ping()).resolves.toBeUndefined();
  });
});
