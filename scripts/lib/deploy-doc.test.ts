// docs/deploy.md's commands, checked where a test can: every npm script and setup flag exists, every
// compose service and profile it names is in docker-compose.yml, the key-generating commands give
// values lib/env accepts, and every URL it tells you to register is a route of this app.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseEnv } from "@/lib/env";
import { envError } from "@/lib/testing/env-error";
import { PORTAIS } from "@/lib/db/schema";

const root = path.resolve(__dirname, "../..");
const read = (file: string) => fs.readFileSync(path.join(root, file), "utf8");
const doc = read("docs/deploy.md");

/** The fenced bash blocks' lines, continuation lines joined, comments dropped. */
const commands: string[] = [...doc.matchAll(/```bash\n([\s\S]*?)```/g)]
  .flatMap((m) => m[1]!.replace(/\\\n\s*/g, " ").split("\n"))
  .map((line) => line.replace(/\s+#.*$/, "").trim())
  .filter((line) => line && !line.startsWith("#"));

const scripts = (JSON.parse(read("package.json")) as { scripts: Record<string, string> }).scripts;
const compose = parse(read("docker-compose.yml"), { merge: true }) as {
  services: Record<string, { profiles?: string[] }>;
};

describe("docs/deploy.md", () => {
  it("has commands to check", () => {
    expect(commands.length).toBeGreaterThan(8);
  });

  it("runs only npm scripts that exist, and setup only with flags setup knows", () => {
    const setupSource = read("scripts/setup.ts");
    const runs = commands.flatMap((c) => [...c.matchAll(/npm run ([\w:-]+)(.*)$/g)]);
    expect(runs.length).toBeGreaterThan(0);
    for (const [, script, rest] of runs) {
      expect(Object.keys(scripts), script).toContain(script);
      if (script !== "setup") continue;
      for (const [, flag] of rest!.matchAll(/--([a-z-]+)/g))
        expect(setupSource, flag).toMatch(new RegExp(`"?${flag}"?: `));
    }
  });

  it("names only compose services and profiles that exist", () => {
    const profiles = Object.values(compose.services).flatMap((s) => s.profiles ?? []);
    for (const command of commands.filter((c) => c.startsWith("docker compose"))) {
      const service = /\brun --rm ([\w-]+)/.exec(command)?.[1];
      if (service) expect(Object.keys(compose.services), command).toContain(service);
      const profile = /--profile ([\w-]+)/.exec(command)?.[1];
      if (profile) expect(profiles, command).toContain(profile);
    }
    const profileInText = /`--profile ([\w-]+)`/.exec(doc)?.[1];
    expect(profiles).toContain(profileInText);
  });

  it("generates keys lib/env accepts (openssl, as the guide runs it)", () => {
    const run = (args: string) => execFileSync("openssl", args.split(" "), { encoding: "utf8" }).trim();
    expect(commands).toContain("openssl rand -hex 32");
    expect(commands).toContain("openssl rand -base64 32");
    const env = parseEnv({ ENCRYPTION_KEY: run("rand -hex 32"), AUTH_SECRET: run("rand -base64 32") });
    expect(env.encryptionKey).toMatch(/^[0-9a-f]{64}$/);
    expect(env.authSecret?.length).toBeGreaterThanOrEqual(32);
  });

  it("tells you to register only URLs this app serves, with the methods used", () => {
    const route = (p: string) => read(path.join("app", p, "route.ts"));
    expect(doc).toContain("POST https://lastro.suaimobiliaria.com.br/api/webhooks/twilio");
    expect(route("api/webhooks/twilio")).toMatch(/export async function POST/);
    expect(commands).toContain("curl -X PUT https://lastro.suaimobiliaria.com.br/api/inngest");
    expect(route("api/inngest")).toMatch(/export const \{ GET, POST, PUT \}/);
    expect(route("api/health/ready")).toMatch(/export async function GET/);
    expect(fs.existsSync(path.join(root, "app/api/webhooks/portais/[...rota]/route.ts"))).toBe(true);
    const portalsInTable = [...doc.matchAll(/\| `([a-z-]+)` \| (?:HTTP|header|`Authorization)/g)].map((m) => m[1]);
    expect(portalsInTable.sort()).toEqual([...PORTAIS].sort());
  });

  it("lists the variables Vercel requires exactly as lib/env enforces them", () => {
    const issues = envError({ VERCEL: "1" }).issues;
    const required = issues.map((i) => i.split(":")[0]!);
    for (const name of required) expect(doc, name).toContain(`\`${name}\``);
    expect(doc).toContain(
      "If one of `DATABASE_URL`, `KV_REST_API_URL` (or `REDIS_URL`), `AUTH_SECRET`,\n`ENCRYPTION_KEY`, `INNGEST_EVENT_KEY` or `PUBLIC_BASE_URL` is missing",
    );
    expect(required.length).toBeGreaterThan(3);
  });
});
