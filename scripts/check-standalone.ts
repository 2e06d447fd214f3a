// `npm run check:standalone`: what the Docker image's `app` stage runs, checked without Docker (CI has
// no daemon). Builds Next's standalone output (NEXT_OUTPUT=standalone, as the Dockerfile does), lays
// it out as the image does (.next/static beside server.js), prepares the database as the compose
// `migrate` service does (npm run db:prepare, with the demo), then starts `node server.js` and asks it
// for liveness, readiness, the login page and one portal delivery through the route handler.
// Uses DATABASE_URL/REDIS_URL when set (the image's drivers: pg, ioredis), else PGlite in a temp folder.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { formatError } from "./lib/format-error";
import { projectBin, runCommand } from "./lib/run-command";

const root = process.cwd();
const standalone = path.join(root, ".next", "standalone");

async function step(label: string, command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  console.log(`▸ ${label}`);
  const code = await runCommand(command, args, { env });
  if (code !== 0) throw new Error(`${label}: saiu com código ${code}`);
}

async function waitFor(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const res = await fetch(url).catch(() => null);
    if (res) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} não respondeu em ${timeoutMs / 1000} s`);
}

function expectStatus(what: string, res: Response, status: number): void {
  if (res.status !== status) throw new Error(`${what}: esperava ${status}, veio ${res.status}`);
  console.log(`  ✔ ${what}: ${res.status}`);
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lastro-standalone-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATA_DIR: dataDir,
    DEMO: "true",
    PIPELINE_MODE: "worker",
  };
  await step("next build (standalone)", projectBin("next"), ["build"], { ...env, NEXT_OUTPUT: "standalone" });
  fs.cpSync(path.join(root, ".next", "static"), path.join(standalone, ".next", "static"), { recursive: true });
  await step("npm run db:prepare", projectBin("tsx"), ["scripts/prepare-db.ts"], env);

  const port = 3300 + Math.floor(Math.random() * 500);
  const base = `http://127.0.0.1:${port}`;
  console.log(`▸ node server.js (${base})`);
  const server = spawn("node", ["server.js"], {
    cwd: standalone,
    env: { ...env, PORT: String(port), HOSTNAME: "127.0.0.1" },
    stdio: ["ignore", "inherit", "inherit"],
  });
  try {
    await waitFor(`${base}/api/health`, 60_000);
    expectStatus("GET /api/health", await fetch(`${base}/api/health`), 200);
    const ready = await fetch(`${base}/api/health/ready`);
    expectStatus("GET /api/health/ready", ready, 200);
    const body = (await ready.json()) as { pipeline?: { executor?: string } };
    if (body.pipeline?.executor !== "worker") throw new Error(`executor: ${JSON.stringify(body.pipeline)}`);
    const login = await fetch(`${base}/login`);
    expectStatus("GET /login", login, 200);
    if (!(await login.text()).includes("Entrar no painel")) throw new Error("/login sem o formulário");
    const delivery = await fetch(`${base}/api/webhooks/portais/generico/horizonte`, {
      method: "POST",
      headers: { authorization: "Bearer horizonte-api-demo-key", "content-type": "application/json" },
      body: JSON.stringify({ id: `standalone-${Date.now()}`, nome: "Teste Imagem", telefone: "(11) 91234-5678" }),
    });
    expectStatus("POST /api/webhooks/portais/generico/horizonte", delivery, 201);
    console.log("✔ A saída standalone (imagem app do Dockerfile) serve o painel e recebe leads.");
  } finally {
    server.kill("SIGTERM");
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(`\n✖ check:standalone: ${formatError(err)}`);
  process.exitCode = 1;
});
