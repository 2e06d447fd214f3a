// POST /api/webhooks/twilio – Twilio WhatsApp inbound messages and status callbacks
import { respondToTwilioWebhook, TWILIO_RETRY_MESSAGE } from "@/app/api/webhooks/twilio/receive-twilio-webhook";
import { AppError, asRetryable, errorResponse } from "@/lib/errors";
import { getTwilioWebhookDeps } from "@/inngest/deps";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  try {
    return await respondToTwilioWebhook(await getTwilioWebhookDeps(), request);
  } catch (err) {
    return errorResponse(asRetryable(err, TWILIO_RETRY_MESSAGE)); // the database did not open: 503, Twilio retries
  }
}

export function GET() {
  return errorResponse(
    new AppError("method_not_allowed", "Use POST (webhook do Twilio)", { headers: { allow: "POST" } }),
  );
}
