// Everything the agents need, built once per process from env. Inngest functions and the embedded
// runner both take their dependencies from here; tests build their own.
import { templateWriter, type MessageWriter } from "@/agents/conselheiro/compose/templates";
import { getDb, type Db } from "@/lib/db/client";
import type { TwilioTemplates } from "@/lib/domain/twilio-templates";
import { env } from "@/lib/env";
import { getKv } from "@/lib/kv";
import type { Kv } from "@/lib/kv/types";
import { getWhatsAppClient } from "@/lib/whatsapp";
import type { WhatsAppClient } from "@/lib/whatsapp/types";
import { publicUrlFor } from "@/lib/whatsapp/verify-signature";

export type PipelineDeps = {
  db: Db;
  kv: Kv;
  whatsapp: WhatsAppClient;
  now: () => Date;
  writer: MessageWriter;
  statusCallbackUrl?: string;
  /** Content template sids per message kind from env (TWILIO_CONTENT_SID_*). */
  templates?: TwilioTemplates;
};

export async function getPipelineDeps(): Promise<PipelineDeps> {
  const { db } = await getDb();
  const whatsapp = getWhatsAppClient();
  return {
    db,
    kv: getKv(),
    whatsapp,
    now: () => new Date(),
    writer: templateWriter,
    templates: env.twilioTemplates,
    ...(whatsapp.mode === "twilio" ? { statusCallbackUrl: publicUrlFor("/api/webhooks/twilio") } : {}),
  };
}
