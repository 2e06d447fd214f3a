// The one start path, shared by `npm start` and the e2e server: prepare the database, build when
// the sources changed, then hand the port to scripts/web-server.mjs (Next.js behind a node:http
// server with the portal webhooks' direct lane; WEB_CONCURRENCY processes) until it exits.
import { env } from "@/lib/env";
import { findBuildReason } from "./build-freshness";
import { describeDatabase, formatCounts, prepareDatabase, setupInstructions } from "./prepare-database";
import { projectBin, runCommand, secondsSince } from "./run-command";
import { serveCluster, webServerScript } from "./serve-cluster";

const say = (line: string) => console.log(`▸ ${line}`);

export async function serveApp(): Promise<number> {
  const started = performance.now();
  say(`Preparando o banco de dados (${describeDatabase()})…`);
  const { seeded, setupNeeded, counts } = await prepareDatabase();
  say(`${seeded ? "Dados de demonstração criados" : "Banco pronto"}: ${formatCounts(counts)}.`);
  if (setupNeeded) for (const line of setupInstructions()) say(line);

  const reason = await findBuildReason(process.cwd());
  if (reason) {
    say(`Compilando a aplicação (${reason})…`);
    const buildStarted = performance.now();
    const code = await runCommand(projectBin("next"), ["build"]);
    if (code !== 0) {
      console.error(`✖ next build falhou (código ${code}).`);
      return code;
    }
    say(`Build concluído em ${secondsSince(buildStarted)}.`);
  } else {
    say("Build atualizado; next build não é necessário.");
  }

  const processes = env.webConcurrency;
  const shape = processes === 1 ? "1 processo web" : `${processes} processos web`;
  say(
    `Banco e build prontos em ${secondsSince(started)}. Iniciando o servidor em http://localhost:${env.port} (KV: ${env.kv.driver}, ${shape})…`,
  );
  const args = ["-p", String(env.port)];
  if (processes === 1) return runCommand(process.execPath, [webServerScript(), ...args]);
  return serveCluster({ workers: processes, args });
}
