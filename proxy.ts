// Next.js 16's proxy (formerly middleware), for pages only: each page response gets a
// Content-Security-Policy with a fresh nonce, which Next.js reads from the request to put on its
// own scripts (the pages render per request). API routes are not matched, so the portal webhooks
// pay nothing here; their headers come from next.config.ts (or the direct lane).
import { NextResponse, type NextRequest } from "next/server";
import { cameOverHttps, contentSecurityPolicy, newNonce } from "@/lib/http/security-headers";

export function proxy(request: NextRequest): NextResponse {
  const nonce = newNonce();
  const policy = contentSecurityPolicy(nonce, {
    https: cameOverHttps(request.headers.get("x-forwarded-proto")),
    dev: process.env.NODE_ENV === "development",
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  matcher: [
    {
      // Everything but API routes, Next's static files and the favicon; prefetches carry no HTML.
      source: "/((?!api/|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
