import type { NextConfig } from "next";
import { BASE_SECURITY_HEADERS, HSTS_HEADER } from "./lib/http/security-headers";

const nextConfig: NextConfig = {
  // PGlite ships WASM and data files that the bundler must not touch; pino and ioredis load
  // workers/natives at runtime; bcrypt is a native addon (password checks off the event loop).
  serverExternalPackages: ["@electric-sql/pglite", "pino", "ioredis", "pg", "bcrypt"],
  poweredByHeader: false,
  // The Docker image (Dockerfile) builds with NEXT_OUTPUT=standalone: a traced server.js with only the
  // files it needs. `npm start` keeps the full build, which scripts/web-server.mjs serves.
  output: process.env.NEXT_OUTPUT === "standalone" ? "standalone" : undefined,
  // forbidden() and app/forbidden.tsx: a broker opening a manager's page is told "sem permissão" (403),
  // not "página não encontrada". Still flagged experimental in Next 16, stable in behaviour.
  experimental: { authInterrupts: true },
  // `npm run typecheck` (CI) checks types; the build need not do it again over tests and scripts.
  typescript: { ignoreBuildErrors: true },
  // Every response; the pages' Content-Security-Policy (per-request nonce) is set in proxy.ts.
  async headers() {
    return [
      { source: "/:path*", headers: Object.entries(BASE_SECURITY_HEADERS).map(([key, value]) => ({ key, value })) },
      {
        source: "/:path*",
        has: [{ type: "header", key: "x-forwarded-proto", value: "https" }],
        headers: [HSTS_HEADER],
      },
    ];
  },
};

export default nextConfig;
