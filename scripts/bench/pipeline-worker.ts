// Parent side of the pipeline benchmark's worker shape: forks pipeline-worker-child.ts on the
// bench database, pointed at the fake Twilio, and collects its CPU and peak RSS when stopped.
import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";

export type WorkerFigures = { cpuMs: number; peakRss: number };
export type BenchWorker = { stop(): Promise<WorkerFigures> };

type Message = { type: "ready" } | ({ type: "stopped" } & WorkerFigures);

function waitFor<T extends Message["type"]>(child: ChildProcess, type: T): Promise<Extract<Message, { type: T }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: Message) => {
      if (m.type !== type) return;
      child.off("message", onMessage);
      child.off("exit", onExit);
      resolve(m as Extract<Message, { type: T }>);
    };
    const onExit = (code: number | null) => reject(new Error(`o worker do benchmark saiu com código ${code}`));
    child.on("message", onMessage);
    child.once("exit", onExit);
  });
}

export async function startBenchWorker(o: { databaseUrl: string; redisUrl: string; fake: { url: string; accountSid: string; authToken: string } }): Promise<BenchWorker> {
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
    },
  });
  await waitFor(child, "ready");
  return {
    async stop() {
      const stopped = waitFor(child, "stopped");
      child.send("stop");
      const { cpuMs, peakRss } = await stopped;
      if (child.exitCode === null) await new Promise((r) => child.once("exit", r));
      return { cpuMs, peakRss };
    },
  };
}
