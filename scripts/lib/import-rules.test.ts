// The layer rules (.dependency-cruiser.cjs) run on small throwaway trees: a wrong import must fail the
// check that CI runs, and the allowed direction must pass. The project's own tree is checked by
// `npm run lint:imports` in CI.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";

const root = process.cwd();
const bin = path.join(root, "node_modules", "dependency-cruiser", "bin", "dependency-cruise.mjs");
const dirs: string[] = [];

function checkTree(files: Record<string, string>) {
  const dir = mkdtempSync(path.join(tmpdir(), "lastro-imports-"));
  dirs.push(dir);
  writeFileSync(
    path.join(dir, "tsconfig.json"),
    JSON.stringify({ compilerOptions: { baseUrl: ".", paths: { "@/*": ["./*"] } } }),
  );
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  const folders = [...new Set(Object.keys(files).map((f) => f.split("/")[0]!))];
  const run = spawnSync(
    process.execPath,
    [bin, "--config", path.join(root, ".dependency-cruiser.cjs"), "--output-type", "err", ...folders],
    {
      cwd: dir,
      encoding: "utf8",
    },
  );
  return { code: run.status, output: `${run.stdout}${run.stderr}` };
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("import rules (dependency-cruiser)", () => {
  it("refuses lib importing an agent", () => {
    const { code, output } = checkTree({
      "agents/vigilante/score.ts": "export const score = 1;\n",
      "lib/db/probe.ts": 'import { score } from "@/agents/vigilante/score";\nexport const x = score;\n',
    });
    expect(code).not.toBe(0);
    expect(output).toContain("lib-is-the-base");
  });

  it("refuses an agent importing the jobs layer, and a circle", () => {
    const { code, output } = checkTree({
      "inngest/dispatch.ts": "export const dispatch = 1;\n",
      "agents/a.ts":
        'import { dispatch } from "@/inngest/dispatch";\nimport { b } from "./b";\nexport const a = dispatch + b;\n',
      "agents/b.ts": 'import { a } from "./a";\nexport const b = 1;\nexport const c = () => a;\n',
    });
    expect(code).not.toBe(0);
    expect(output).toContain("agents-below-jobs");
    expect(output).toContain("no-circular");
  });

  it("refuses statement pipelining outside lib/db and test fakes in production code", () => {
    const { code, output } = checkTree({
      "lib/db/wire/together.ts": "export const together = 1;\n",
      "lib/whatsapp/testing/fake.ts": "export const fake = 1;\n",
      "agents/vigilante/ingest.ts":
        'import { together } from "@/lib/db/wire/together";\nimport { fake } from "@/lib/whatsapp/testing/fake";\nexport const i = together + fake;\n',
    });
    expect(code).not.toBe(0);
    expect(output).toContain("wire-stays-in-db");
    expect(output).toContain("no-test-code-in-production");
  });

  it("accepts imports that go down the layers, and tests that drive a route", () => {
    const { code, output } = checkTree({
      "lib/db/wire/together.ts": "export const together = 1;\n",
      "lib/db/record.ts": 'import { together } from "./wire/together";\nexport const record = together;\n',
      "agents/vigilante/ingest.ts": 'import { record } from "@/lib/db/record";\nexport const ingest = record;\n',
      "inngest/steps.ts": 'import { ingest } from "@/agents/vigilante/ingest";\nexport const step = ingest;\n',
      "app/api/route.ts": 'import { step } from "@/inngest/steps";\nexport const POST = step;\n',
      "agents/vigilante/ingest.test.ts": 'import { POST } from "@/app/api/route";\nexport const t = POST;\n',
    });
    expect(output).toContain("no dependency violations");
    expect(code).toBe(0);
  });
});
