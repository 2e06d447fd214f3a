import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { newId } from "@/lib/ids";
import { deriveShortLinkKey } from "./short-link-key";
import { readShortLink, signShortLink, verifyShortLink, type ShortLink } from "./short-link";

const key = deriveShortLinkKey(randomBytes(32));
const now = new Date("2026-12-05T14:00:00Z");
const ana = newId("cor");
const bruno = newId("cor");
const link: ShortLink = {
  leadId: newId("lead"),
  corretorId: ana,
  kind: "wa",
  expiraEm: new Date(now.getTime() + 7 * 24 * 3_600_000),
};

function open(token: string, opts: { at?: Date; corretorIds?: string[]; with?: Buffer } = {}) {
  const parsed = readShortLink(token);
  if (!parsed) return { ok: false as const, motivo: "ilegivel" as const };
  return verifyShortLink(parsed, {
    key: opts.with ?? key,
    now: opts.at ?? now,
    corretorIds: opts.corretorIds ?? [bruno, ana],
  });
}

/** Flips one bit of byte `index` of the token. */
function flip(token: string, index: number): string {
  const bytes = Buffer.from(token, "base64url");
  bytes[index] = bytes[index]! ^ 0x01;
  return bytes.toString("base64url");
}

describe("short link tokens", () => {
  it("fit in 40 URL-safe characters and give back the lead, the broker, the kind and the expiry", () => {
    for (const kind of ["wa", "lead"] as const) {
      const token = signShortLink({ ...link, kind }, key);
      expect(token).toMatch(/^[A-Za-z0-9_-]{1,40}$/);
      expect(open(token)).toEqual({ ok: true, link: { ...link, kind } });
    }
  });

  it("carry ids not made by newId too, only longer", () => {
    const token = signShortLink({ ...link, leadId: "lead-importado/42" }, key);
    expect(open(token)).toMatchObject({ ok: true, link: { leadId: "lead-importado/42" } });
  });

  it("expire: a day late is expired, the hour before is fine", () => {
    const token = signShortLink(link, key);
    expect(open(token, { at: new Date(link.expiraEm.getTime() - 3_600_000) }).ok).toBe(true);
    expect(open(token, { at: new Date(link.expiraEm.getTime() + 86_400_000) })).toEqual({
      ok: false,
      motivo: "expirado",
    });
  });

  it("reject a flipped bit anywhere: kind, expiry, lead, broker hint or signature", () => {
    const token = signShortLink(link, key);
    const bytes = Buffer.from(token, "base64url").length;
    for (let i = 0; i < bytes; i++) {
      const result = open(flip(token, i));
      expect(result.ok, `byte ${i}`).toBe(false);
    }
    // The kind bit alone: a `wa` token does not become a `lead` one.
    expect(open(flip(token, 0))).toEqual({ ok: false, motivo: "invalido" });
  });

  it("reject another key, and a broker who is not among the lead's agency's", () => {
    const token = signShortLink(link, key);
    expect(open(token, { with: deriveShortLinkKey(randomBytes(32)) })).toEqual({ ok: false, motivo: "invalido" });
    expect(open(token, { corretorIds: [bruno] })).toEqual({ ok: false, motivo: "invalido" });
  });

  it("read nothing out of garbage", () => {
    const token = signShortLink(link, key);
    for (const bad of [
      "",
      "x",
      "abc!def",
      "%2e%2e",
      token.slice(0, -1),
      `${token}A`,
      "A".repeat(40),
      "A".repeat(500),
    ]) {
      expect(readShortLink(bad), bad).toBeNull();
    }
  });
});
