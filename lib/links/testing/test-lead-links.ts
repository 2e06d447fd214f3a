// Short links for tests: a fixed key and clock, on a host no test could reach by mistake.
import { deriveShortLinkKey } from "../short-link-key";
import { readShortLink, verifyShortLink, type ShortLinkCheck } from "../short-link";
import { shortLeadLinks, SHORT_LINK_PATH } from "../lead-links";

export const TEST_LINKS_BASE = "https://lastro.test";
export const TEST_LINKS_KEY = deriveShortLinkKey(Buffer.alloc(32, 7));

export function testLeadLinks(now: () => Date = () => new Date("2026-12-05T12:00:00Z")) {
  return shortLeadLinks({ key: () => TEST_LINKS_KEY, baseUrl: TEST_LINKS_BASE, now });
}

/** The short links in a text, as `${TEST_LINKS_BASE}/r/<token>` URLs. */
export function shortLinksIn(text: string): string[] {
  return text.match(/https:\/\/lastro\.test\/r\/[A-Za-z0-9_-]+/g) ?? [];
}

/** What a test link says, checked as the route checks it. */
export function openTestLink(
  url: string,
  corretorIds: string[],
  now = new Date("2026-12-05T12:00:00Z"),
): ShortLinkCheck {
  const parsed = readShortLink(url.slice(`${TEST_LINKS_BASE}${SHORT_LINK_PATH}`.length));
  if (!parsed) return { ok: false, motivo: "invalido" };
  return verifyShortLink(parsed, { key: TEST_LINKS_KEY, now, corretorIds });
}
