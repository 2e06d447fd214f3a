// GET /r/<token> – a short link from a WhatsApp message: records the broker's tap, then on to wa.me or the lead page
import { followShortLinkResponse } from "./follow-short-link-response";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ token: string }> };

export async function GET(request: Request, { params }: Context): Promise<Response> {
  return followShortLinkResponse(request, (await params).token);
}

/** A HEAD (link checkers, some previews) answers the same and records nothing. */
export async function HEAD(request: Request, { params }: Context): Promise<Response> {
  const response = await followShortLinkResponse(request, (await params).token);
  return new Response(null, { status: response.status, headers: response.headers });
}
