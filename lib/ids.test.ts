import { describe, expect, it } from "vitest";
import { newId } from "./ids";

describe("newId", () => {
  it("gives distinct ids across many calls, past every refill of its random pool", () => {
    const at = Date.UTC(2026, 11, 2, 12, 0, 0);
    const ids = Array.from({ length: 2_000 }, () => newId("lead", at));
    expect(new Set(ids).size).toBe(ids.length);
    // Same millisecond: the 10 time characters agree, the 16 random ones differ.
    expect(new Set(ids.map((id) => id.slice(5, 15))).size).toBe(1);
    expect(new Set(ids.map((id) => id.slice(15))).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^lead_[0-9A-HJKMNP-TV-Z]{26}$/);
  });

  it("sorts by creation time and refuses an unknown prefix or too few random bytes", () => {
    expect(newId("evt", 1_000) < newId("evt", 2_000)).toBe(true);
    expect(() => newId("xyz" as never)).toThrow(/prefixo/);
    expect(() => newId("lead", 0, Buffer.alloc(8))).toThrow(/16 bytes/);
  });
});
