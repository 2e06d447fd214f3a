// POST /api/privacidade/{buscar,exportar,apagar} – LGPD requests with an agency API key (privacy-request.ts)
import { getDb } from "@/lib/db/client";
import { AppError, errorResponse } from "@/lib/errors";
import { respondToPrivacyRequest } from "../privacy-request";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ acao: string }> }) {
  const { db } = await getDb();
  return respondToPrivacyRequest({ db, now: () => new Date() }, (await params).acao, request);
}

export function GET() {
  return errorResponse(new AppError("method_not_allowed", "Use POST", { headers: { allow: "POST" } }));
}
