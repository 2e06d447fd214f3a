// The address a login attempt comes from, for the per-source limits. X-Forwarded-For is only as
// trustworthy as whoever appended to it: scripts/web-server.mjs appends the socket's peer, and each
// of TRUSTED_PROXY_HOPS proxies in front appends its own peer, so the entry that many places from
// the right is the one nobody on the internet could write. Everything left of it is the client's word.
export const UNKNOWN_IP = "desconhecido";

export function clientIpOf(headers: Headers, trustedProxyHops: number): string {
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) return UNKNOWN_IP;
  const index = Math.max(0, entries.length - 1 - trustedProxyHops);
  return entries[index]!.slice(0, 64);
}
