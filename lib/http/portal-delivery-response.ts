// The HTTP answer to a portal's lead delivery. One function for both doors into the intake: the
// Next.js route handler and the self-hosted server's direct lane (portal-webhook-lane.ts).
import { asRetryable, receivePortalDelivery } from "@/agents/vigilante/receive-portal-delivery";
import type { IngestDeps } from "@/agents/vigilante/ingest-lead";
import { getDb } from "@/lib/db/client";
import { errorResponse } from "@/lib/errors";
import { getKv } from "@/lib/kv";
import { dispatch } from "@/lib/pipeline/dispatch";

/**
 * `rota` is the path after /api/webhooks/portais/, already split and decoded: [portal, agency slug].
 * `afterResponse` queues the work that must wait for the response to be out (see IngestDeps).
 */
export async function respondToPortalDelivery(
  request: Request,
  rota: readonly string[],
  afterResponse: IngestDeps["afterResponse"],
): Promise<Response> {
  try {
    const { db, sideDb } = await getDb();
    const result = await receivePortalDelivery(
      { db, sideDb, kv: getKv(), dispatch, now: () => new Date(), afterResponse },
      request,
      { portal: rota[0] ?? "", imobiliaria: rota[1] },
    );
    return Response.json(
      { ok: true, status: result.status, leadId: result.leadId },
      { status: result.status === "criado" ? 201 : 200 },
    );
  } catch (err) {
    return errorResponse(asRetryable(err));
  }
}
