// What an agency hands each portal: the webhook URL, a fresh secret and how to send it. Shared by
// `npm run setup` and the integrations page's rotation, so both print the same instructions.
import { randomBytes } from "node:crypto";
import type { Portal } from "@/lib/db/schema";
import { GRUPO_OLX_BASIC_USER, IMOVELWEB_DEFAULT_HEADER } from "@/lib/portals/authenticate";

/** 24 random bytes, base64url: long enough that guessing is hopeless, short enough to paste. */
export const newPortalSecret = (): string => randomBytes(24).toString("base64url");

export function portalWebhookUrl(publicBaseUrl: string, portal: Portal, slug: string): string {
  return `${publicBaseUrl.replace(/\/+$/, "")}/api/webhooks/portais/${portal}/${slug}`;
}

const basic = (user: string, secret: string) => `Basic ${Buffer.from(`${user}:${secret}`).toString("base64")}`;

/** How the portal (or curl) must send the credential, in pt-BR. */
export function howToAuthenticate(portal: Portal, identificador: string | null, segredo: string): string {
  switch (portal) {
    case "grupo-olx":
      return `Authorization: ${basic(GRUPO_OLX_BASIC_USER, segredo)}`;
    case "chaves-na-mao":
      return `Authorization: ${basic(identificador ?? "", segredo)}`;
    case "imovelweb":
      return `${IMOVELWEB_DEFAULT_HEADER}: ${segredo}`;
    case "generico":
      return `Authorization: Bearer ${segredo}  (ou X-Api-Key: ${segredo})`;
  }
}

/** The headers a portal sends with its credential: what the sample test lead is posted with. */
export function credentialHeaders(
  portal: Portal,
  identificador: string | null,
  segredo: string,
): Record<string, string> {
  switch (portal) {
    case "grupo-olx":
      return { authorization: basic(GRUPO_OLX_BASIC_USER, segredo) };
    case "chaves-na-mao":
      return { authorization: basic(identificador ?? "", segredo) };
    case "imovelweb":
      return { [identificador ?? IMOVELWEB_DEFAULT_HEADER]: segredo };
    case "generico":
      return { authorization: `Bearer ${segredo}` };
  }
}
