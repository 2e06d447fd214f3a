import { processLead } from "./process-lead";
import { sendMessage } from "./send-message";
import { sweepPipeline } from "./sweep";

export const functions = [processLead, sendMessage, sweepPipeline];
