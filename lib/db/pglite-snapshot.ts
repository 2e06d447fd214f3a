// Test support: PGlite runs initdb on every new instance (seconds each, per test file). A migrated
// data dir, dumped once per set of migrations into the OS temp dir, loads several times faster.
import { createHash } from "node:crypto";
import { readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import type { DbHandle } from "./client";

const PREFIX = "lastro-pglite-migrated-";

// Keyed by the migration files and the PGlite version: a change to either makes a new snapshot.
async function snapshotPath(): Promise<string> {
  const folder = path.join(process.cwd(), "drizzle");
  const hash = createHash("sha256");
  const sqlFiles = (await readdir(folder)).filter((f) => f.endsWith(".sql")).sort();
  for (const file of [...sqlFiles, "meta/_journal.json"])
    hash.update(file).update(await readFile(path.join(folder, file)));
  const pglitePkg = path.join(process.cwd(), "node_modules/@electric-sql/pglite/package.json");
  hash.update(await readFile(pglitePkg).catch(() => Buffer.from("?")));
  return path.join(os.tmpdir(), `${PREFIX}${hash.digest("hex").slice(0, 16)}.tar`);
}

/** The migrated snapshot for the current migrations, or null when none was saved yet. */
export async function readPgliteSnapshot(): Promise<Blob | null> {
  const file = await readFile(await snapshotPath()).catch(() => null);
  return file ? new Blob([file]) : null;
}

/** Dumps a freshly migrated PGlite handle for the next test files; older snapshots are removed. */
export async function savePgliteSnapshot(handle: DbHandle): Promise<void> {
  const client = (handle.db as unknown as { $client: PGlite }).$client;
  const dump = Buffer.from(await (await client.dumpDataDir("none")).arrayBuffer());
  const target = await snapshotPath();
  // Parallel test files may all be saving: write aside, then rename, so a reader never sees half a file.
  const temp = `${target}.${process.pid}.${Date.now()}`;
  await writeFile(temp, dump);
  await rename(temp, target);
  const stale = (await readdir(os.tmpdir())).filter(
    (f) => f.startsWith(PREFIX) && f.endsWith(".tar") && path.join(os.tmpdir(), f) !== target,
  );
  await Promise.all(stale.map((f) => rm(path.join(os.tmpdir(), f), { force: true })));
}

/** Forgets a snapshot that failed to load (corrupt or from another PGlite build). */
export async function discardPgliteSnapshot(): Promise<void> {
  await rm(await snapshotPath(), { force: true });
}
