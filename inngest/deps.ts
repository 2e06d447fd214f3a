// The one place that builds the process's dependencies from env: for the portal webhooks (route and
// direct lane), the Twilio webhook, the Inngest functions and the embedded runner. Tests build their own.
// The handles themselves (db, KV, WhatsApp client) are opened once per process by their own modules;
// what is built here per call is a small object around them.
import { rulesAnalyzer } from "@/agents/analista/conversation-analyzer";
import { createModelAnalyzer } from "@/agents/analista/conversation-analyzer/model-analyzer";
import { templateWriter, type MessageWriter } from "@/agents/conselheiro/compose/templates";
import type { ConversationAnalyzer } from "@/lib/domain/analise-conversa";
import { getLlm } from "@/lib/llm";
import type { Llm } from "@/lib/llm/types";
import type { TwilioInboundDeps } from "@/agents/conselheiro/inbound/handle-twilio-inbound";
import type { IngestDeps } from "@/agents/vigilante/ingest-lead";
import { getDb, type Db } from "@/lib/db/client";
import type { TwilioTemplates } from "@/lib/domain/twilio-templates";
import { env } from "@/lib/env";
import { getKv } from "@/lib/kv";
import type { Kv } from "@/lib/kv/types";
import type { WhatsAppClient } from "@/lib/whatsapp/types";
import type { TwilioWebhookAuth } from "@/lib/whatsapp/verify-signature";
import { dispatch } from "./dispatch";

export type PipelineDeps = {
  db: Db;
  kv: Kv;
  whatsapp: WhatsAppClient;
  now: () => Date;
  writer: MessageWriter;
  /** The ConversationAnalyzer: the model's with OPENAI_API_KEY, else (and on any failure) the rules'. */
  analyzer?: ConversationAnalyzer;
  /** The model for messages (null without OPENAI_API_KEY: the templates go as written). */
  llm?: Llm | null;
  statusCallbackUrl?: string;
  /** Content template sids per message kind from env (TWILIO_CONTENT_SID_*). */
  templates?: TwilioTemplates;
};

const now = () => new Date();

/** What every door shares: the database (and its side pool), KV and the clock. */
async function getCore() {
  const { db, sideDb } = await getDb();
  return { db, sideDb, kv: getKv(), now };
}

export async function getPipelineDeps(): Promise<PipelineDeps> {
  // Loaded here, not at the top: the webhooks import this module, and the Twilio SDK behind these
  // costs ≈ 150 ms to load, which a portal route on a cold start would otherwise pay for nothing.
  const [{ getWhatsAppClient }, { publicUrlFor }] = await Promise.all([
    import("@/lib/whatsapp"),
    import("@/lib/whatsapp/verify-signature"),
  ]);
  const { db, kv } = await getCore();
  const whatsapp = getWhatsAppClient();
  const llm = getLlm(db);
  return {
    db,
    kv,
    whatsapp,
    now,
    writer: templateWriter,
    analyzer: llm ? createModelAnalyzer(llm) : rulesAnalyzer,
    llm,
    templates: env.twilioTemplates,
    ...(whatsapp.mode === "twilio" ? { statusCallbackUrl: publicUrlFor("/api/webhooks/twilio") } : {}),
  };
}

/** A portal delivery's intake; `afterResponse` is the door's own (Next's `after`, or the lane's queue). */
export async function getIngestDeps(afterResponse: IngestDeps["afterResponse"]): Promise<IngestDeps> {
  const { db, sideDb } = await getCore();
  return { db, sideDb, dispatch, now, afterResponse };
}

export async function getTwilioWebhookDeps(): Promise<TwilioInboundDeps & TwilioWebhookAuth> {
  const { db, kv } = await getCore();
  return { db, kv, dispatch, now, authToken: env.twilio?.authToken ?? null, publicBaseUrl: env.publicBaseUrl };
}
