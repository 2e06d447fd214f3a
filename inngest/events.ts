// Event names (`domain/noun.verb`) and their payload schemas. The same schemas validate the
// embedded runner's input, so a bad payload is refused the same way on both paths.
import { eventType } from "inngest";
import { z } from "zod";

const id = z.string().min(1).max(50);

export const leadReceivedSchema = z.object({
  eventoId: id,
  leadId: id,
  imobiliariaId: id,
});
export type LeadReceived = z.infer<typeof leadReceivedSchema>;

export const leadReceived = eventType("lead/received", { schema: leadReceivedSchema });

export const PIPELINE_EVENTS = { "lead/received": leadReceivedSchema } as const;
export type PipelineEventName = keyof typeof PIPELINE_EVENTS;
export type PipelineEventData<N extends PipelineEventName> = z.infer<(typeof PIPELINE_EVENTS)[N]>;
