// GET /r/<token> – a short link from a WhatsApp message: records the broker's tap, then on to wa.me or the lead page
import { getViewer } from "@/lib/auth/authorize";
import { getDb } from "@/lib/db/client";
import { shortLinkKey } from "@/lib/links/short-link-key";
import { followShortLinkResponse } from "./follow-short-link-response";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ token: string }> };

async function answer(request: Request, { params }: Context): Promise<Response> {
  const { db } = await getDb();
  const deps = { db, key: shortLinkKey(), now: new Date(), viewer: getViewer };
  return followShortLinkResponse(request, (await params).token, deps);
}

export const GET = answer;

/** A HEAD (link checkers, some previews) answers the same, without a body, and records nothing. */
export async function HEAD(request: Request, context: Context): Promise<Response> {
  const response = await answer(request, context);
  return new Response(null, { status: response.status, headers: response.headers });
}
