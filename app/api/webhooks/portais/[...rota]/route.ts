// POST /api/webhooks/portais/<portal>/<imobiliária> – lead delivery from Grupo OLX, Chaves na Mão, Imovelweb or our generic JSON.
// A catch-all, so no path under a portal route ever answers 404 (Grupo OLX disables integrations that do).
import { asRetryable, receivePortalDelivery } from "@/agents/vigilante/receive-portal-delivery";
import { getDb } from "@/lib/db/client";
import { AppError, errorResponse } from "@/lib/errors";
import { scheduleAfterResponse } from "@/lib/http/after-response";
import { getKv } from "@/lib/kv";
import { dispatch } from "@/lib/pipeline/dispatch";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ rota: string[] }> };

export async function POST(request: Request, { params }: Params) {
  const { rota } = await params;
  try {
    const { db, sideDb } = await getDb();
    const result = await receivePortalDelivery(
      { db, sideDb, kv: getKv(), dispatch, now: () => new Date(), afterResponse: scheduleAfterResponse },
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

export function GET() {
  return errorResponse(new AppError("method_not_allowed", "Use POST para entregar leads", { headers: { allow: "POST" } }));
}
