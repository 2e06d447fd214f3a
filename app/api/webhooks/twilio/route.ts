// POST /api/webhooks/twilio – Twilio WhatsApp inbound messages and status callbacks
import { asRetryableForTwilio, respondToTwilioWebhook } from "@/app/api/webhooks/twilio/receive-twilio-webhook";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError, errorResponse } from "@/lib/errors";
import { getKv } from "@/lib/kv";
import { dispatch } from "@/inngest/dispatch";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  try {
    const { db } = await getDb();
    const deps = {
      db, kv: getKv(), dispatch, now: () => new Date(),
      authToken: env.twilio?.authToken ?? null, publicBaseUrl: env.publicBaseUrl,
    };
    return await respondToTwilioWebhook(deps, request);
  } catch (err) {
    return errorResponse(asRetryableForTwilio(err)); // the database did not open: 503, Twilio retries
  }
}

export function GET() {
  return errorResponse(new AppError("method_not_allowed", "Use POST (webhook do Twilio)", { headers: { allow: "POST" } }));
}
