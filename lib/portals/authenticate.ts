// Checks a portal delivery's credential against the agency's integration, in constant time.
// Each portal authenticates its own way; all of them answer the same 401 when wrong.
import { safeEqual } from "@/lib/crypto/secrets";
import type { PortalSlug } from "./normalized-lead";

export type PortalCredential = { identificador: string | null; segredo: string };

/** Grupo OLX always sends this user name in its Basic credential. */
export const GRUPO_OLX_BASIC_USER = "vivareal";
export const IMOVELWEB_DEFAULT_HEADER = "x-imovelweb-token";

function basicCredentials(headers: Pick<Headers, "get">): { user: string; password: string } | null {
  const match = /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(headers.get("authorization") ?? "");
  if (!match) return null;
  const decoded = Buffer.from(match[1]!, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return null;
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

function bearerOrApiKey(headers: Pick<Headers, "get">): string | null {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(headers.get("authorization") ?? "");
  return bearer?.[1] ?? headers.get("x-api-key");
}

/** True when the request carries the agency's credential for this portal. */
export function verifyPortalCredential(
  portal: PortalSlug,
  headers: Pick<Headers, "get">,
  credential: PortalCredential,
): boolean {
  switch (portal) {
    case "grupo-olx": {
      const basic = basicCredentials(headers);
      // Both comparisons always run, so a wrong user name costs the same time as a wrong secret.
      const userOk = safeEqual(basic?.user ?? "", GRUPO_OLX_BASIC_USER);
      return safeEqual(basic?.password ?? "", credential.segredo) && userOk && basic !== null;
    }
    case "chaves-na-mao": {
      const basic = basicCredentials(headers);
      const userOk = safeEqual((basic?.user ?? "").toLowerCase(), (credential.identificador ?? "").toLowerCase());
      return safeEqual(basic?.password ?? "", credential.segredo) && userOk && basic !== null;
    }
    case "imovelweb": {
      const header = (credential.identificador ?? IMOVELWEB_DEFAULT_HEADER).toLowerCase();
      const sent = headers.get(header);
      return safeEqual(sent ?? "", credential.segredo) && sent !== null;
    }
    case "generico": {
      const sent = bearerOrApiKey(headers);
      return safeEqual(sent ?? "", credential.segredo) && sent !== null;
    }
  }
}
