// `npm test`: Vitest (unit + integration; real Postgres/Redis when DATABASE_URL/REDIS_URL are set),
// then the Playwright e2e suite against the `npm start` path (next build, then scripts/web-server.mjs). Exits non-zero if any stage fails.
import { chromiumPath, isExecutable } from "./lib/chromium";
import { projectBin, runCommand, secondsSince } from "./lib/run-command";

type Stage = { name: string; outcome: "ok" | "falhou" | "pulado"; seconds: string };

const isCi = ["true", "1"].includes((process.env.CI ?? "").toLowerCase());
const stages: Stage[] = [];
let interrupted = false;
process.on("SIGINT", () => (interrupted = true));
process.on("SIGTERM", () => (interrupted = true));

function header(title: string): void {
  console.log(`\n━━━ ${title} ${"━".repeat(Math.max(3, 70 - title.length))}\n`);
}

function describeServices(): string {
  const db = process.env.DATABASE_URL ? "Postgres (DATABASE_URL)" : "PGlite embutido";
  const kv = process.env.REDIS_URL ? "Redis (REDIS_URL)" : "KV em memória";
  return `${db} + ${kv}`;
}

async function runStage(name: string, command: string, args: string[], env?: NodeJS.ProcessEnv) {
  const started = performance.now();
  const code = await runCommand(command, args, { env });
  stages.push({ name, outcome: code === 0 ? "ok" : "falhou", seconds: secondsSince(started) });
}

function warnChromiumMissing(path: string): void {
  const lines = [
    `Chromium não encontrado em ${path}: os testes end-to-end ${isCi ? "NÃO PODEM rodar (CI=true: falha)" : "FORAM PULADOS"}.`,
    "Instale com:  sudo apt-get update && sudo apt-get install -y chromium",
    "ou aponte CHROMIUM_PATH para um Chromium já instalado.",
  ];
  const width = Math.max(...lines.map((l) => l.length)) + 4;
  const bar = "!".repeat(width);
  console.error(`\n${bar}\n${lines.map((l) => `! ${l.padEnd(width - 4)} !`).join("\n")}\n${bar}\n`);
}

async function main(): Promise<void> {
  header(`Vitest: unitários e integração (${describeServices()})`);
  await runStage("vitest", projectBin("vitest"), ["run"]);

  if (!interrupted) {
    header(`Playwright: end-to-end com next build e o servidor do npm start (${describeServices()})`);
    const chromium = chromiumPath();
    if (isExecutable(chromium)) {
      await runStage("playwright", projectBin("playwright"), ["test"], { ...process.env, CHROMIUM_PATH: chromium });
    } else {
      warnChromiumMissing(chromium);
      stages.push({ name: "playwright", outcome: isCi ? "falhou" : "pulado", seconds: "0.0 s" });
    }
  }

  header("Resumo");
  for (const s of stages)
    console.log(
      `  ${s.outcome === "ok" ? "✔" : s.outcome === "pulado" ? "⚠" : "✖"} ${s.name.padEnd(12)} ${s.outcome.padEnd(8)} ${s.seconds}`,
    );
  const failed = interrupted || stages.some((s) => s.outcome === "falhou");
  if (interrupted) console.log("  ✖ interrompido");
  process.exitCode = failed ? 1 : 0;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
