// The events the agents hand to the pipeline (`domain/noun.verb`), their payload schemas and the
// `Dispatch` port the agents receive as a dependency. The jobs layer (inngest/) delivers them: as
// Inngest events with keys, or to the embedded runner without. The same schemas validate both paths,
// so a bad payload is refused the same way.
import { z } from "zod";
import { URGENCIAS } from "@/lib/db/schema/eventos";

const id = z.string().min(1).max(50);

export const leadReceivedSchema = z.object({
  eventoId: id,
  leadId: id,
  imobiliariaId: id,
  /** Concurrency key: one broker's events are decided one at a time, so the quota is never raced. */
  corretorId: id.nullable(),
  /** The event's urgência and the lead's score: the most urgent decisions run first. Absent = `media`. */
  urgencia: z.enum(URGENCIAS).nullish(),
  score: z.number().int().min(0).max(100).nullish(),
});
export type LeadReceived = z.infer<typeof leadReceivedSchema>;

export const messageSendSchema = z.object({
  mensagemId: id,
  corretorId: id.nullable(),
  /** The webhook's request id (lib/request-context.ts), so the send's log lines carry it; absent for sweeps. */
  requestId: z.string().max(64).optional(),
  /** The row's text is settled (the decision already chose the template): the send offers it to no model. */
  textoPronto: z.boolean().optional(),
});
export type MessageSend = z.infer<typeof messageSendSchema>;

/** Something a person wrote about the lead (a broker's note, a reply) waits for the ConversationAnalyzer. */
export const interacaoRecordedSchema = z.object({ leadId: id });
export type InteracaoRecorded = z.infer<typeof interacaoRecordedSchema>;

export const PIPELINE_EVENTS = {
  "lead/received": leadReceivedSchema,
  "message/send": messageSendSchema,
  "interacao/recorded": interacaoRecordedSchema,
} as const;
export type PipelineEventName = keyof typeof PIPELINE_EVENTS;
export type PipelineEventData<N extends PipelineEventName> = z.infer<(typeof PIPELINE_EVENTS)[N]>;

/** Hands an event to the pipeline; the idempotency key makes a repeated hand-over a no-op. */
export type Dispatch = <N extends PipelineEventName>(
  name: N,
  data: PipelineEventData<N>,
  idempotencyKey: string,
) => Promise<void>;
