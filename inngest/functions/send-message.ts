// message/send → Conselheiro sends one message row (claimed first, so a retry never sends twice).
// A global throttle keeps us under Twilio's 100 messages/s.
import { withRequestId } from "@/lib/request-context";
import { NonRetriableError } from "inngest";
import { sendMensagem } from "@/agents/conselheiro/send/send-mensagem";
import { getPipelineDeps } from "@/inngest/deps";
import { inngest } from "../client";
import { messageSend, messageSendSchema } from "../events";

export const sendMessage = inngest.createFunction(
  {
    id: "send-message",
    triggers: [messageSend],
    throttle: { limit: 80, period: "1s" },
    retries: 5,
  },
  async ({ event, step }) => {
    const parsed = messageSendSchema.safeParse(event.data);
    if (!parsed.success) throw new NonRetriableError(`message/send inválido: ${parsed.error.message}`);
    const result = await step.run("enviar", async () =>
      withRequestId(parsed.data.requestId, async () => {
        const deps = await getPipelineDeps();
        // A text the decision settled (the template, no time for the model) is not offered to it again.
        return sendMensagem(parsed.data.textoPronto ? { ...deps, llm: null } : deps, parsed.data.mensagemId);
      }),
    );
    if (result.outcome === "reagendar") {
      await step.sleep("aguardar-nova-tentativa", Math.max(1000, result.retryInMs ?? 5000));
      await step.sendEvent("reenviar", { name: "message/send", data: parsed.data });
    }
    return result;
  },
);
