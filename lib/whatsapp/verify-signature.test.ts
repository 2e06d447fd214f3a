import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import vector from "./fixtures/signature-test-vector.json";
import { publicUrlFor, verifyTwilioSignature } from "./verify-signature";

// A signature Twilio computed for inbound-text.form posted to a public URL (fixtures/README).
const valid = {
  authToken: vector.authToken,
  url: vector.url,
  params: vector.params,
  signature: vector.expectedSignature,
};

describe("verifyTwilioSignature", () => {
  it("accepts the known test vector", () => {
    expect(verifyTwilioSignature(valid)).toBe(true);
  });

  it("accepts the form body Twilio actually posted, parsed as a route would", () => {
    const raw = readFileSync(new URL("./fixtures/inbound-text.form", import.meta.url), "utf8").trim();
    const params = Object.fromEntries(new URLSearchParams(raw));
    expect(verifyTwilioSignature({ ...valid, params })).toBe(true);
  });

  it("rejects a tampered parameter", () => {
    expect(verifyTwilioSignature({ ...valid, params: { ...valid.params, Body: "resumo" } })).toBe(false);
  });

  it("rejects an added parameter", () => {
    expect(verifyTwilioSignature({ ...valid, params: { ...valid.params, Extra: "1" } })).toBe(false);
  });

  it("rejects the URL the server sees behind a proxy", () => {
    expect(verifyTwilioSignature({ ...valid, url: "http://localhost:3000/api/webhooks/twilio" })).toBe(false);
    expect(verifyTwilioSignature({ ...valid, url: `${vector.url}/` })).toBe(false);
  });

  it("rejects another token and a missing signature", () => {
    expect(verifyTwilioSignature({ ...valid, authToken: "0".repeat(32) })).toBe(false);
    expect(verifyTwilioSignature({ ...valid, signature: null })).toBe(false);
    expect(verifyTwilioSignature({ ...valid, signature: "" })).toBe(false);
  });
});

describe("publicUrlFor", () => {
  it("joins the public base URL and a path with its query", () => {
    expect(publicUrlFor("/api/webhooks/twilio/status?x=1", "https://lastro.example.com")).toBe(
      "https://lastro.example.com/api/webhooks/twilio/status?x=1",
    );
  });

  it("keeps a base path and tolerates slashes on both sides", () => {
    expect(publicUrlFor("api/x", "https://h.example.com/app/")).toBe("https://h.example.com/app/api/x");
    expect(publicUrlFor("/api/x", "https://h.example.com/app")).toBe("https://h.example.com/app/api/x");
  });

  it("defaults to env.publicBaseUrl", () => {
    expect(publicUrlFor("/a")).toMatch(/^https?:\/\/[^/]+\/a$/);
  });
});
