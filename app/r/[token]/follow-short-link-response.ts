// The HTTP side of /r/<token>: who is asking (a link preview, a dashboard login), then the redirect or
// a pt-BR page. 303 so the browser always follows with a GET; nothing cached, the token stays out of Referer.
import {
  followShortLink,
  type ShortLinkDeps,
  type ShortLinkOutcome,
} from "@/agents/conselheiro/links/follow-short-link";
import { log } from "@/lib/log";
import { shortLinkPage } from "./short-link-page";

// Chat apps fetch a link to draw its preview; that is not the broker tapping it.
const LINK_PREVIEW =
  /whatsapp|facebookexternalhit|facebookcatalog|meta-externalagent|telegrambot|slackbot|twitterbot|discordbot|linkedinbot|skypeuripreview|googlebot|bingbot|preview/i;

const NO_STORE = { "cache-control": "no-store", "referrer-policy": "no-referrer" };

export type ShortLinkRequestDeps = ShortLinkDeps & {
  /** The dashboard login on this browser, if any (lib/auth getViewer). */
  viewer: () => Promise<{ corretorId: string | null } | null>;
};

export async function followShortLinkResponse(
  request: Request,
  token: string,
  { viewer: loadViewer, ...deps }: ShortLinkRequestDeps,
): Promise<Response> {
  const preview = request.method !== "GET" || LINK_PREVIEW.test(request.headers.get("user-agent") ?? "");
  const viewer = preview ? null : await loadViewer();
  const outcome = await followShortLink(deps, token, {
    // Someone logged in as another person (a manager reading the outbox) does not tap for the broker.
    registrarPara: (corretorId) => !preview && (!viewer || viewer.corretorId === corretorId),
  });
  logOutcome(outcome);
  switch (outcome.kind) {
    case "whatsapp":
      return redirect(outcome.url);
    case "painel":
      // Relative: behind any proxy the browser stays on the host it came to; the login guards the page.
      return redirect(`/leads/${encodeURIComponent(outcome.leadId)}`);
    default:
      return page(outcome.kind);
  }
}

function redirect(location: string): Response {
  return new Response(null, { status: 303, headers: { location, ...NO_STORE } });
}

function page(kind: "invalido" | "expirado" | "repassado"): Response {
  return new Response(shortLinkPage(kind), {
    status: kind === "invalido" ? 404 : 410,
    headers: { "content-type": "text/html; charset=utf-8", ...NO_STORE },
  });
}

function logOutcome(outcome: ShortLinkOutcome) {
  if (outcome.kind === "whatsapp" || outcome.kind === "painel") {
    log.info("link.followed", { leadId: outcome.leadId, destino: outcome.kind, registrado: outcome.registrado });
  } else {
    log.info("link.refused", { motivo: outcome.kind });
  }
}
