// Starts the embedded runner once per server process (from instrumentation.ts) when Inngest is
// not configured, and points dispatch() at it.
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { getPipelineDeps } from "../deps";
import { registerEmbeddedRunner } from "../dispatch";
import { DEFAULT_RUNNER_OPTIONS, EmbeddedRunner } from "./embedded-runner";
import { wireToRunner } from "./wire-to-runner";

const holder = globalThis as typeof globalThis & { __lastroRunner?: Promise<EmbeddedRunner | null> };

export function startEmbeddedPipeline(): Promise<EmbeddedRunner | null> {
  holder.__lastroRunner ??= (async () => {
    if (env.inngest) {
      log.info("pipeline.inngest", { modo: "inngest" });
      return null;
    }
    if (env.pipelineMode === "worker") {
      // Events stay in Postgres (processado = false) until `npm run worker` picks them up.
      log.info("pipeline.external_worker", { modo: "worker" });
      return null;
    }
    // With WEB_CONCURRENCY web processes each runs a runner; together they stay under Twilio's limit.
    const sendsPerSecond = Math.max(1, Math.floor(DEFAULT_RUNNER_OPTIONS.sendsPerSecond / env.webConcurrency));
    const runner = new EmbeddedRunner(await getPipelineDeps(), {
      ...DEFAULT_RUNNER_OPTIONS,
      sendsPerSecond,
      resumos: true,
    });
    registerEmbeddedRunner(wireToRunner(runner));
    runner.start();
    log.info("pipeline.embedded_started", { modo: "embutido" });
    return runner;
  })();
  return holder.__lastroRunner;
}
