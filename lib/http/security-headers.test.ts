import { describe, expect, it } from "vitest";
import { cameOverHttps, contentSecurityPolicy, newNonce } from "./security-headers";

describe("contentSecurityPolicy", () => {
  it("allows only scripts with this response's nonce, no framing, no plugins, forms to ourselves", () => {
    const policy = contentSecurityPolicy("abc123", { https: false, dev: false });
    const directives = Object.fromEntries(
      policy.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1).join(" ")]),
    );
    expect(directives["script-src"]).toBe("'self' 'nonce-abc123' 'strict-dynamic'");
    expect(directives["frame-ancestors"]).toBe("'none'");
    expect(directives["object-src"]).toBe("'none'");
    expect(directives["form-action"]).toBe("'self'");
    expect(directives["base-uri"]).toBe("'self'");
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).not.toContain("upgrade-insecure-requests"); // would break a plain-HTTP install
  });

  it("upgrades insecure requests only behind HTTPS, and relaxes only what next dev needs", () => {
    expect(contentSecurityPolicy("n", { https: true, dev: false })).toContain("upgrade-insecure-requests");
    expect(contentSecurityPolicy("n", { https: false, dev: true })).toContain("'unsafe-eval'");
  });
});

describe("cameOverHttps", () => {
  it("reads the first hop of x-forwarded-proto", () => {
    expect(cameOverHttps("https")).toBe(true);
    expect(cameOverHttps("HTTPS, http")).toBe(true);
    expect(cameOverHttps("http")).toBe(false);
    expect(cameOverHttps(null)).toBe(false);
  });
});

describe("newNonce", () => {
  it("is fresh on every call and safe inside a header", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const n of nonces) expect(n).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
