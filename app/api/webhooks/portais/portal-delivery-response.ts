// The HTTP answer to a portal's lead delivery. One function for both doors into the intake: the
// Next.js route handler (a Response) and the self-hosted server's direct lane (the same status,
// headers and body as plain data, written to node:http by portal-webhook-lane.ts).
import { receivePortalDelivery } from "@/app/api/webhooks/portais/receive-portal-delivery";
import type { IngestDeps } from "@/agents/vigilante/ingest-lead";
import { asRetryable, errorAnswer } from "@/lib/errors";
import { getIngestDeps } from "@/inngest/deps";
import { REQUEST_ID_HEADER, requestIdFrom, withRequestId } from "@/lib/request-context";
import type { DeliveryRequest } from "../../../../lib/http/read-json-body";

/** The 503 of anything that is not the client's fault: the portal delivers again rather than drop the lead. */
export const PORTAL_RETRY_MESSAGE = "Falha temporária ao registrar o lead; tente novamente";

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
  const requestId = requestIdFrom(request.headers.get(REQUEST_ID_HEADER));
  const answer = await withRequestId(requestId, async (): Promise<PortalDeliveryAnswer> => {
    try {
      const result = await receivePortalDelivery(await getIngestDeps(afterResponse), request, {
        portal: rota[0] ?? "",
        imobiliaria: rota[1],
      });
      return {
        status: result.status === "criado" ? 201 : 200,
        headers: {},
        body: { ok: true, status: result.status, leadId: result.leadId },
      };
    } catch (err) {
      return errorAnswer(asRetryable(err, PORTAL_RETRY_MESSAGE));
    }
  });
  return { ...answer, headers: { ...answer.headers, [REQUEST_ID_HEADER]: requestId } };
}

export async function respondToPortalDelivery(
  request: Request,
  rota: readonly string[],
  afterResponse: IngestDeps["afterResponse"],
): Promise<Response> {
  const answer = await answerPortalDelivery(request, rota, afterResponse);
  return Response.json(answer.body, { status: answer.status, headers: answer.headers });
}
