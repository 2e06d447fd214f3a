// The browser-facing security headers: the same few on every response (next.config.ts headers(),
// the portal webhooks' direct lane), and for pages a Content-Security-Policy with a fresh nonce per
// request (proxy.ts). Plain values, no imports: next.config.ts loads this file too.

/** Sent on every response, JSON included. */
export const BASE_SECURITY_HEADERS = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  // frame-ancestors 'none' in the CSP says the same to current browsers; this is for the others.
  "x-frame-options": "DENY",
} as const;

/** Only when the request reached the proxy in front of us over HTTPS (x-forwarded-proto): over
 *  plain HTTP (a LAN install, localhost) the browser ignores it anyway, and it must not stick to a
 *  host that has no certificate. */
export const HSTS_HEADER = { key: "strict-transport-security", value: "max-age=63072000; includeSubDomains" } as const;

export function cameOverHttps(forwardedProto: string | null | undefined): boolean {
  return (forwardedProto ?? "").split(",")[0]?.trim().toLowerCase() === "https";
}

/** A nonce for one response: 128 random bits, base64. */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

/**
 * The pages' policy. Scripts: only those carrying this response's nonce (Next.js puts it on its own
 * scripts when it finds the policy on the request) and what they load ('strict-dynamic'). Styles
 * allow inline ones: React writes `style` attributes (charts, widths) that a nonce cannot cover,
 * and a style cannot run code. Next.js in development needs eval and its reload socket.
 */
export function contentSecurityPolicy(nonce: string, options: { https: boolean; dev: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    `connect-src 'self'${options.dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}
