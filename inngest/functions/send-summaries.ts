// Every 15 minutes: queue the daily and weekly summaries now due (each broker's start of hours; the
// weekly on the first working day of the ISO week) and fan each out as message/send. The rows'
// idempotency keys make a retried or overlapping run a no-op; a lost fan-out is sent by the sweep.
import { queueSummaries } from "@/inngest/summaries-step";
import { getPipelineDeps } from "@/inngest/deps";
import { inngest } from "../client";

export const sendSummaries = inngest.createFunction(
  { id: "send-summaries", triggers: [{ cron: "*/15 * * * *" }], concurrency: 1, retries: 2 },
  async ({ step }) => {
    const found = await step.run("preparar-resumos", async () => queueSummaries(await getPipelineDeps()));
    if (found.sends.length > 0) {
      await step.sendEvent(
        "enviar-resumos",
        found.sends.map((s) => ({ name: "message/send" as const, data: s, id: `message-send-${s.mensagemId}` })),
      );
    }
    return { ...found.counts, envios: found.sends.length };
  },
);
