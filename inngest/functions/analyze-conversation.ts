// lead/received (the portal's message) or interacao/recorded (a note, a reply) → the
// ConversationAnalyzer reads the lead's new interações. One lead at a time, so two triggers for the
// same lead never read the same rows together; the write is once per row anyway. A few leads at once
// in all: Inngest's priority only orders one function's own runs, so the cap is what leaves a burst's
// process-lead and send-message runs the app's capacity (the embedded runner also waits for them).
import { NonRetriableError } from "inngest";
import { analyzeInteracoes } from "@/agents/analista/analyze-interacoes";
import { escreverRascunho } from "@/agents/conselheiro/rascunho/escrever-rascunho";
import { getPipelineDeps } from "@/inngest/deps";
import { ANALYZE_CONCURRENCY } from "@/inngest/steps";
import { inngest } from "../client";
import { interacaoRecorded, interacaoRecordedSchema, leadReceived } from "../events";

export const analyzeConversation = inngest.createFunction(
  {
    id: "analyze-conversation",
    triggers: [leadReceived, interacaoRecorded],
    concurrency: [{ key: "event.data.leadId", limit: 1 }, { limit: ANALYZE_CONCURRENCY }],
    retries: 5,
  },
  async ({ event, step }) => {
    const parsed = interacaoRecordedSchema.safeParse({ leadId: (event.data as { leadId?: unknown }).leadId });
    if (!parsed.success) throw new NonRetriableError(`${event.name} sem leadId válido: ${parsed.error.message}`);
    const { leadId } = parsed.data;
    const lidas = await step.run("analisar", async () => analyzeInteracoes(await getPipelineDeps(), { leadId }));
    // With a model, the broker's reply draft for the lead (once per lead; without one the rules' is read on demand).
    await step.run("rascunho", async () => {
      const deps = await getPipelineDeps();
      return deps.llm ? (await escreverRascunho({ ...deps, llm: deps.llm }, leadId)) !== null : false;
    });
    return lidas;
  },
);
