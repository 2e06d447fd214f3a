// The HTTP answer to a portal's lead delivery. One function for both doors into the intake: the
// Next.js route handler (a Response) and the self-hosted server's direct lane (the same status,
// headers and body as plain data, written to node:http by portal-webhook-lane.ts).
import { asRetryable, receivePortalDelivery } from "@/app/api/webhooks/portais/receive-portal-delivery";
import type { IngestDeps } from "@/agents/vigilante/ingest-lead";
import { getDb } from "@/lib/db/client";
import { errorAnswer } from "@/lib/errors";
import { getKv } from "@/lib/kv";
import { dispatch } from "@/inngest/dispatch";
import type { DeliveryRequest } from "../../../../lib/http/read-json-body";

export type PortalDeliveryAnswer = { status: number; headers: Record<string, string>; body: unknown };

/**
 * `rota` is the path after /api/webhooks/portais/, already split and decoded: [portal, agency slug].
 * `afterResponse` queues the work that must wait for the response to be out (see IngestDeps).
 * Never rejects: every failure is an answer (4xx for the client's, 503 for ours).
 */
export async function answerPortalDelivery(
  request: Request | DeliveryRequest,
  rota: readonly string[],
  afterResponse: IngestDeps["afterResponse"],
): Promise<PortalDeliveryAnswer> {
  try {
    const { db, sideDb } = await getDb();
    const result = await receivePortalDelivery(
      { db, sideDb, kv: getKv(), dispatch, now: () => new Date(), afterResponse },
      request,
      { portal: rota[0] ?? "", imobiliaria: rota[1] },
    );
    return {
      status: result.status === "criado" ? 201 : 200,
      headers: {},
      body: { ok: true, status: result.status, leadId: result.leadId },
    };
  } catch (err) {
    return errorAnswer(asRetryable(err));
  }
}

export async function respondToPortalDelivery(
  request: Request,
  rota: readonly string[],
  afterResponse: IngestDeps["afterResponse"],
): Promise<Response> {
  const answer = await answerPortalDelivery(request, rota, afterResponse);
  return Response.json(answer.body, { status: answer.status, headers: answer.headers });
}
