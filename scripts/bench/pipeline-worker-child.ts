// Child process for `npm run bench -- pipeline` (worker shape): the same runner `npm run worker`
// starts (EmbeddedRunner polling Postgres), but its WhatsApp client talks to the bench's LOCAL FAKE
// Twilio server, whose address comes in the environment. Reports its CPU and peak RSS over IPC.
import { createModelAnalyzer } from "@/agents/analista/conversation-analyzer/model-analyzer";
import { templateWriter } from "@/agents/conselheiro/compose/templates";
import { createDb } from "@/lib/db/client";
import { getKv } from "@/lib/kv";
import { DEFAULT_RUNNER_OPTIONS, EmbeddedRunner, WORKER_POLL_MS } from "@/inngest/embedded/embedded-runner";
import { twilioClientFor } from "@/lib/whatsapp/testing/fake-twilio-client";
import { benchLlm } from "./fake-llm";

async function main(): Promise<void> {
  const need = (name: string) =>
    process.env[name] ||
    (() => {
      throw new Error(`${name} ausente`);
    })();
  const handle = await createDb({ driver: "postgres", url: need("DATABASE_URL") });
  const kv = getKv();
  const fake = {
    url: need("BENCH_FAKE_TWILIO_URL"),
    accountSid: need("BENCH_FAKE_TWILIO_SID"),
    authToken: need("BENCH_FAKE_TWILIO_TOKEN"),
  };
  const llm = process.env.BENCH_FAKE_LLM_URL ? benchLlm(process.env.BENCH_FAKE_LLM_URL) : null;
  const runner = new EmbeddedRunner(
    {
      db: handle.db,
      kv,
      whatsapp: twilioClientFor(fake, 10_000),
      now: () => new Date(),
      writer: templateWriter,
      ...(llm ? { llm, analyzer: createModelAnalyzer(llm) } : {}),
    },
    { ...DEFAULT_RUNNER_OPTIONS, pollEventsEveryMs: WORKER_POLL_MS },
  );
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
  const cpuAtStart = process.cpuUsage();
  runner.start();
  process.on("message", (message) => {
    if (message !== "stop") return;
    void (async () => {
      await runner.stop();
      clearInterval(sampler);
      const cpu = process.cpuUsage(cpuAtStart);
      process.send!({
        type: "stopped",
        cpuMs: (cpu.user + cpu.system) / 1000,
        peakRss: Math.max(peakRss, process.memoryUsage().rss),
      });
      await kv.close();
      await handle.close();
      process.exit(0);
    })();
  });
  process.send!({ type: "ready" });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
