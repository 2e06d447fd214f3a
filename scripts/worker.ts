// `npm run worker`: the agent pipeline in its own process, for a self-hosted deployment without
// Inngest. Run the web app with PIPELINE_MODE=worker and this beside it (same DATABASE_URL, KV,
// Twilio): the web process only records leads; this one decides and sends. Postgres is the queue
// (eventos.processado, mensagens.status), so either side may restart at any time.
import { formatError } from "./lib/format-error";
import { loadProjectEnv } from "./lib/load-env";
import { startWorkerHeartbeat } from "./lib/worker-heartbeat";

async function main(): Promise<void> {
  loadProjectEnv({ dev: false });
  // Imported after the .env files are loaded: lib/env parses process.env when first imported.
  const { log } = await import("@/lib/log");
  const { env } = await import("@/lib/env");
  if (env.inngest) {
    // Inngest runs the pipeline and its crons; a second runner would only repeat the sweeps.
    console.log("▸ Inngest configurado (INNGEST_*): o pipeline roda no Inngest, o worker não é necessário.");
    return;
  }
  const { getPipelineDeps } = await import("@/inngest/deps");
  const { DEFAULT_RUNNER_OPTIONS, EmbeddedRunner, WORKER_POLL_MS } = await import("@/inngest/embedded/embedded-runner");
  const { getDb } = await import("@/lib/db/client");
  const { flushLlmUsage } = await import("@/lib/llm");
  const runner = new EmbeddedRunner(await getPipelineDeps(), {
    ...DEFAULT_RUNNER_OPTIONS,
    pollEventsEveryMs: WORKER_POLL_MS,
    resumos: true,
  });
  runner.start();
  const heartbeat = startWorkerHeartbeat({
    dataDir: env.dataDir,
    ping: async () => (await getDb()).ping(),
    onFailure: (reason) => log.warn("pipeline.worker_heartbeat_failed", { reason }),
  });
  log.info("pipeline.worker_started", { modo: "worker", pollMs: WORKER_POLL_MS });
  const shutdown = async () => {
    heartbeat.stop();
    await runner.stop();
    await flushLlmUsage();
    await (await getDb()).close();
    process.exit(0);
  };
  process.once("SIGTERM", () => void shutdown());
  process.once("SIGINT", () => void shutdown());
}

main().catch((err: unknown) => {
  console.error(`\n✖ O worker do Lastro não conseguiu iniciar: ${formatError(err)}`);
  process.exit(1);
});
