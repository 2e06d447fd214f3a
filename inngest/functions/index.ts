import { analyzeConversation } from "./analyze-conversation";
import { processLead } from "./process-lead";
import { sendMessage } from "./send-message";
import { sendSummaries } from "./send-summaries";
import { sweepPipeline } from "./sweep";

export const functions = [processLead, sendMessage, sweepPipeline, sendSummaries, analyzeConversation];
