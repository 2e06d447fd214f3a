// The pipeline's events as Inngest event types. Names and payload schemas are the agents' contract
// (agents/pipeline-events.ts); the embedded runner validates with the same schemas.
import { eventType } from "inngest";
import { interacaoRecordedSchema, leadReceivedSchema, messageSendSchema } from "@/agents/pipeline-events";

export { interacaoRecordedSchema, leadReceivedSchema, messageSendSchema };
export const leadReceived = eventType("lead/received", { schema: leadReceivedSchema });
export const messageSend = eventType("message/send", { schema: messageSendSchema });
export const interacaoRecorded = eventType("interacao/recorded", { schema: interacaoRecordedSchema });
