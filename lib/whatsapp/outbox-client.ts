// Without Twilio keys messages stop here: the row becomes `outbox` (final, shown in the dashboard)
// and nothing touches the network.
import { randomBytes } from "node:crypto";
import { log } from "@/lib/log";
import type { WhatsAppClient } from "./types";

export function createOutboxClient(): WhatsAppClient {
  return {
    mode: "outbox",
    async send(msg) {
      const sid = `outbox_${randomBytes(12).toString("hex")}`;
      log.info("whatsapp.outbox", { sid, to: msg.to, template: msg.contentSid ?? null });
      return { sid, status: "outbox" };
    },
    // The outbox never sends, so there is never anything to find.
    async findRecent() {
      return null;
    },
  };
}
