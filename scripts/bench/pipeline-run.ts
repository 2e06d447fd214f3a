// The pipeline benchmark's work, loaded only after pipeline.ts has set the environment: a fresh
// database, real Redis, the fake Twilio, the embedded runner as dispatch target, N leads posted.
import { sql } from "drizzle-orm";
import { createModelAnalyzer } from "@/agents/analista/conversation-analyzer/model-analyzer";
import { templateWriter } from "@/agents/conselheiro/compose/templates";
import { twilioClientFor } from "@/lib/whatsapp/testing/fake-twilio-client";
import { createWebhookAgency } from "@/app/api/webhooks/portais/testing/webhook-agency";
// Renamed: its `use` prefix makes the React hooks lint rule take it for a hook.
import { createDb, useDbForTests as pointGetDbAt, type DbHandle } from "@/lib/db/client";
import { updatePreferencias } from "@/lib/db/queries/corretores";
import { migrateDb } from "@/lib/db/migrate";
import { getKv } from "@/lib/kv";
import type { PipelineDeps } from "@/inngest/deps";
import { registerEmbeddedRunner } from "@/inngest/dispatch";
import { DEFAULT_RUNNER_OPTIONS, EmbeddedRunner } from "@/inngest/embedded/embedded-runner";
import { wireToRunner } from "@/inngest/embedded/wire-to-runner";
import { databaseUrlFor, dropDatabase, recreateDatabase } from "@/scripts/lib/fresh-database";
import { benchLlm, startRemoteSlowFakeModel, type RemoteFakeModel } from "./fake-llm";
import { startRemoteFakeTwilio, type RemoteFakeTwilio } from "./fake-twilio-process";
import { postLeads } from "./pipeline-leads";
import { startBenchWorker, type BenchWorker } from "./pipeline-worker";
import { countPending, readResults, type PipelineResults } from "./pipeline-results";

export type PipelineBenchOptions = {
  leads: number;
  brokers: number;
  limiteDiario: number;
  concurrency: number;
  ratePerSecond: number;
  databaseUrl: string;
  database: string;
  redisUrl: string;
  /** true: the pipeline in a worker process (PIPELINE_MODE=worker); false: in this process. */
  worker: boolean;
  /** `--llm`: the pipeline with a model (a local fake answering in 300–1,500 ms). */
  llm: boolean;
};

const SLUG = "bench-pipeline";

async function openFreshDatabase(serverUrl: string, name: string): Promise<DbHandle> {
  const handle = await createDb({ driver: "postgres", url: await recreateDatabase(serverUrl, name) });
  await migrateDb(handle);
  return handle;
}

/** Resolves once every event is decided and no message is still waiting to go out. */
async function untilSettled(handle: DbHandle, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const p = await countPending(handle.db);
    if (p.eventos === 0 && p.mensagens === 0) return;
    if (Date.now() > deadline)
      throw new Error(`pipeline não terminou a tempo: ${p.eventos} eventos e ${p.mensagens} mensagens pendentes`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function sampleRss(): { stop(): number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  return { stop: () => (clearInterval(timer), Math.max(peak, process.memoryUsage().rss)) };
}

export async function runPipelineBench(o: PipelineBenchOptions): Promise<PipelineResults> {
  let handle: DbHandle | null = null;
  let fake: RemoteFakeTwilio | null = null;
  let runner: EmbeddedRunner | null = null;
  let worker: BenchWorker | null = null;
  let model: RemoteFakeModel | null = null;
  const kv = getKv(); // the same Redis connection the route handler uses (env.kv, set by pipeline.ts)
  try {
    handle = await openFreshDatabase(o.databaseUrl, o.database);
    pointGetDbAt(handle); // the route handler's getDb()
    await kv.ping();
    fake = await startRemoteFakeTwilio();
    const { agency, brokers } = await createWebhookAgency(handle, { slug: SLUG, brokers: o.brokers });
    for (const b of brokers) await updatePreferencias(handle.db, agency.id, b.id, { limiteDiario: o.limiteDiario });
    // Statistics, as autovacuum would gather them on a production server (it is off on this one):
    // without any, cached generic plans pick indexes by guesswork (see docs/performance.md, "Three costs were not round trips").
    await handle.db.execute(sql`analyze`);

    if (o.llm) model = await startRemoteSlowFakeModel();
    if (o.worker) {
      worker = await startBenchWorker({
        databaseUrl: databaseUrlFor(o.databaseUrl, o.database),
        redisUrl: o.redisUrl,
        fake,
        llmUrl: model?.baseUrl ?? null,
      });
    } else {
      const llm = model ? benchLlm(model.baseUrl) : null;
      const deps: PipelineDeps = {
        db: handle.db,
        kv,
        whatsapp: twilioClientFor(fake, 10_000),
        now: () => new Date(),
        writer: templateWriter,
        ...(llm ? { llm, analyzer: createModelAnalyzer(llm) } : {}),
      };
      runner = new EmbeddedRunner(deps, DEFAULT_RUNNER_OPTIONS);
      registerEmbeddedRunner(wireToRunner(runner)); // as inngest/embedded/start-embedded.ts does
      runner.start();
    }

    const rss = sampleRss();
    const cpuAtStart = process.cpuUsage();
    const startedAt = Date.now();
    const posted = await postLeads({
      slug: SLUG,
      runId: Date.now().toString(36),
      count: o.leads,
      concurrency: o.concurrency,
      ratePerSecond: o.ratePerSecond,
    });
    const postedAt = Date.now();
    await untilSettled(handle, 10 * 60_000);
    const settledAt = Date.now();
    await runner?.idle();
    const peakRss = rss.stop();
    const cpu = process.cpuUsage(cpuAtStart);
    const workerFigures = await worker?.stop();
    worker = null;
    return await readResults(handle.db, await fake.creates(), {
      posted,
      startedAt,
      postedAt,
      settledAt,
      peakRss,
      cpuMs: (cpu.user + cpu.system) / 1000,
      worker: workerFigures ?? null,
    });
  } finally {
    registerEmbeddedRunner(undefined);
    await runner?.stop();
    await worker?.stop().catch(() => undefined);
    pointGetDbAt(null);
    await handle?.close();
    await kv.close();
    await fake?.close();
    await model?.close();
    // A failed drop must not hide the run's own error; the next run drops the leftover first.
    await dropDatabase(o.databaseUrl, o.database).catch((err: unknown) =>
      console.error(`não consegui remover ${o.database}:`, err),
    );
  }
}
