// Parent side of the pipeline benchmark's worker shape: forks pipeline-worker-child.ts on the
// bench database, pointed at the fake Twilio, and collects its CPU and peak RSS when stopped.
import { fork } from "node:child_process";
import path from "node:path";
import { childMessages } from "./child-ipc";

export type WorkerFigures = { cpuMs: number; peakRss: number };
export type BenchWorker = { stop(): Promise<WorkerFigures> };

type Message = { type: "ready" } | ({ type: "stopped" } & WorkerFigures);

export async function startBenchWorker(o: {
  databaseUrl: string;
  redisUrl: string;
  fake: { url: string; accountSid: string; authToken: string };
  /** The fake model's base URL (`--llm`), or null: no model. */
  llmUrl: string | null;
}): Promise<BenchWorker> {
  const child = fork(path.join(import.meta.dirname, "pipeline-worker-child.ts"), [], {
    execArgv: ["--import", "tsx"],
    stdio: "inherit",
    env: {
      ...process.env, // pipeline.ts already blanked Twilio/OpenAI/Inngest/KV REST here
      DATABASE_URL: o.databaseUrl,
      REDIS_URL: o.redisUrl,
      PIPELINE_MODE: "worker",
      BENCH_FAKE_TWILIO_URL: o.fake.url,
      BENCH_FAKE_TWILIO_SID: o.fake.accountSid,
      BENCH_FAKE_TWILIO_TOKEN: o.fake.authToken,
      BENCH_FAKE_LLM_URL: o.llmUrl ?? "",
    },
  });
  const waitFor = childMessages<Message>(child, "o worker do benchmark");
  await waitFor("ready");
  return {
    async stop() {
      const stopped = waitFor("stopped");
      child.send("stop");
      const { cpuMs, peakRss } = await stopped;
      if (child.exitCode === null) await new Promise((r) => child.once("exit", r));
      return { cpuMs, peakRss };
    },
  };
}
