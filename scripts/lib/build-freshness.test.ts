import { mkdir, mkdtemp, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findBuildReason } from "./build-freshness";

let root: string;
const BUILT_AT = new Date("2026-01-10T12:00:00Z");
const BEFORE = new Date("2026-01-10T11:00:00Z");
const AFTER = new Date("2026-01-10T13:00:00Z");

async function writeAt(relative: string, when: Date) {
  const file = path.join(root, relative);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, "x");
  await utimes(file, when, when);
}

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), "lastro-build-"));
  await writeAt("app/page.tsx", BEFORE);
  await writeAt("lib/db/queries/stats.ts", BEFORE);
  await writeAt("next.config.ts", BEFORE);
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("findBuildReason", () => {
  it("asks for a build when there is none", async () => {
    expect(await findBuildReason(root)).toBe("nenhum build encontrado");
  });

  it("skips the build when every input is older than BUILD_ID", async () => {
    await writeAt(".next/BUILD_ID", BUILT_AT);
    expect(await findBuildReason(root)).toBeNull();
  });

  it("names a source file changed after the build, however deep", async () => {
    await writeAt(".next/BUILD_ID", BUILT_AT);
    await writeAt("lib/db/queries/leads.ts", AFTER);
    expect(await findBuildReason(root)).toBe(
      `${path.join("lib", "db", "queries", "leads.ts")} mudou desde o último build`,
    );
  });

  it("counts config files and public assets", async () => {
    await writeAt(".next/BUILD_ID", BUILT_AT);
    await writeAt("public/logo.svg", AFTER);
    expect(await findBuildReason(root)).toBe(`${path.join("public", "logo.svg")} mudou desde o último build`);
    await writeAt("public/logo.svg", BEFORE);
    await writeAt("package-lock.json", AFTER);
    expect(await findBuildReason(root)).toBe("package-lock.json mudou desde o último build");
  });

  it("ignores tests, which are not part of the bundle, and folders outside the app", async () => {
    await writeAt(".next/BUILD_ID", BUILT_AT);
    await writeAt("lib/health.test.ts", AFTER);
    await writeAt("e2e/home.spec.ts", AFTER);
    await writeAt("scripts/start.ts", AFTER);
    await writeAt("drizzle/0001_next.sql", AFTER);
    expect(await findBuildReason(root)).toBeNull();
  });
});
