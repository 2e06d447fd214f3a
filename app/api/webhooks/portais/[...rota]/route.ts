// POST /api/webhooks/portais/<portal>/<imobiliária> – lead delivery from Grupo OLX, Chaves na Mão, Imovelweb or our generic JSON.
// A catch-all, so no path under a portal route ever answers 404 (Grupo OLX disables integrations that do).
// `npm start` serves these POSTs before Next.js (app/api/webhooks/portais/portal-webhook-lane.ts) with the same function.
import { AppError, errorResponse } from "@/lib/errors";
import { scheduleAfterResponse } from "@/lib/http/after-response";
import { respondToPortalDelivery } from "@/app/api/webhooks/portais/portal-delivery-response";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ rota: string[] }> };

export async function POST(request: Request, { params }: Params) {
  const { rota } = await params;
  return respondToPortalDelivery(request, rota, scheduleAfterResponse);
}

export function GET() {
  return errorResponse(
    new AppError("method_not_allowed", "Use POST para entregar leads", { headers: { allow: "POST" } }),
  );
}
