// lead/received → Orquestrador decides → one message/send per message to send now.
// One broker's events run one at a time (concurrency key), so the daily quota is never raced; the
// most urgent go first (priority).
import { NonRetriableError } from "inngest";
import { getPipelineDeps } from "@/inngest/deps";
import { orchestrate } from "@/inngest/steps";
import { inngest } from "../client";
import { leadReceived, leadReceivedSchema } from "../events";

export const processLead = inngest.createFunction(
  {
    id: "process-lead",
    triggers: [leadReceived],
    concurrency: [{ key: "event.data.corretorId", limit: 1 }],
    // As the embedded runner's decision turns (inngest/embedded/decision-turns.ts): a hot lead's
    // decision goes ahead of routine ones queued up to this many seconds before it.
    priority: { run: "event.data.urgencia == 'critica' ? 300 : event.data.urgencia == 'alta' ? 120 : 0" },
    retries: 5,
  },
  async ({ event, step }) => {
    const parsed = leadReceivedSchema.safeParse(event.data);
    if (!parsed.success) throw new NonRetriableError(`lead/received inválido: ${parsed.error.message}`);
    const sends = await step.run("orquestrar", async () => orchestrate(await getPipelineDeps(), parsed.data.eventoId));
    if (sends.length > 0) {
      await step.sendEvent(
        "enviar-mensagens",
        sends.map((s) => ({ name: "message/send" as const, data: s, id: `message-send-${s.mensagemId}` })),
      );
    }
    return { eventoId: parsed.data.eventoId, enviar: sends.map((s) => s.mensagemId) };
  },
);
