// The links a message to a broker carries about a lead: short signed `/r/<token>` links on the app's
// public URL, in place of a wa.me link hundreds of characters long.
import { env } from "@/lib/env";
import { shortLinkKey } from "./short-link-key";
import { signShortLink, SHORT_LINK_TTL_MS, type ShortLinkKind } from "./short-link";

export const SHORT_LINK_PATH = "/r/";

export type LeadLinks = {
  /** Answers the lead on WhatsApp, greeting pre-filled (the caller checks the lead has a valid phone). */
  whatsapp(leadId: string, corretorId: string): string;
  /** Opens the lead page (through the login). */
  painel(leadId: string, corretorId: string): string;
};

export type ShortLeadLinksOptions = { key: () => Buffer; baseUrl: string; now: () => Date; ttlMs?: number };

export function shortLeadLinks({ key, baseUrl, now, ttlMs = SHORT_LINK_TTL_MS }: ShortLeadLinksOptions): LeadLinks {
  const base = baseUrl.replace(/\/+$/, "");
  const link = (kind: ShortLinkKind, leadId: string, corretorId: string) =>
    `${base}${SHORT_LINK_PATH}${signShortLink({ leadId, corretorId, kind, expiraEm: new Date(now().getTime() + ttlMs) }, key())}`;
  return {
    whatsapp: (leadId, corretorId) => link("wa", leadId, corretorId),
    painel: (leadId, corretorId) => link("lead", leadId, corretorId),
  };
}

/** The process's links: PUBLIC_BASE_URL, the derived key (read on the first message), expiring a week after writing. */
export const appLeadLinks: LeadLinks = shortLeadLinks({
  key: shortLinkKey,
  baseUrl: env.publicBaseUrl,
  now: () => new Date(),
});
