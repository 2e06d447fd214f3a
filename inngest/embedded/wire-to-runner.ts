// What dispatch() hands the embedded runner: each pipeline event name mapped to the runner's queue.
// One mapping for the server's start-up (start-embedded.ts) and the pipeline benchmark's --embutido run.
import type { LeadReceived } from "@/agents/pipeline-events";
import type { EmbeddedHandler } from "../dispatch";
import type { EmbeddedRunner } from "./embedded-runner";

export function wireToRunner(runner: EmbeddedRunner): EmbeddedHandler {
  return (name, data) => {
    if (name === "lead/received") {
      const d = data as LeadReceived;
      runner.enqueueEvento(d);
      runner.enqueueAnalise(d.leadId);
    } else if (name === "interacao/recorded") {
      runner.enqueueAnalise((data as { leadId: string }).leadId);
    } else if (name === "message/send") {
      runner.enqueueSend(data as { mensagemId: string; corretorId: string | null });
    }
  };
}
