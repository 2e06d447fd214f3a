// Event names (`domain/noun.verb`) and their payload schemas. The same schemas validate the
// embedded runner's input, so a bad payload is refused the same way on both paths.
import { eventType } from "inngest";
import { z } from "zod";

const id = z.string().min(1).max(50);

export const leadReceivedSchema = z.object({
  eventoId: id,
  leadId: id,
  imobiliariaId: id,
  /** Concurrency key: one broker's events are decided one at a time, so the quota is never raced. */
  corretorId: id.nullable(),
});
export type LeadReceived = z.infer<typeof leadReceivedSchema>;

export const leadReceived = eventType("lead/received", { schema: leadReceivedSchema });

export const messageSendSchema = z.object({ mensagemId: id, corretorId: id.nullable() });
export type MessageSend = z.infer<typeof messageSendSchema>;
export const messageSend = eventType("message/send", { schema: messageSendSchema });

export const PIPELINE_EVENTS = { "lead/received": leadReceivedSchema, "message/send": messageSendSchema } as const;
export type PipelineEventName = keyof typeof PIPELINE_EVENTS;
export type PipelineEventData<N extends PipelineEventName> = z.infer<(typeof PIPELINE_EVENTS)[N]>;
