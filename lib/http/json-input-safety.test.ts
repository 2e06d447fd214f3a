import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { assertJsonDepth, MAX_JSON_DEPTH, sanitizeJson } from "./json-input-safety";

const clean = (raw: string) => sanitizeJson(JSON.parse(raw), raw);

describe("assertJsonDepth", () => {
  it("lets through up to the limit and refuses one level more with a 422 naming it", () => {
    expect(() => assertJsonDepth(`${"[".repeat(MAX_JSON_DEPTH)}${"]".repeat(MAX_JSON_DEPTH)}`)).not.toThrow();
    const tooDeep = () => assertJsonDepth(`${"[".repeat(MAX_JSON_DEPTH + 1)}${"]".repeat(MAX_JSON_DEPTH + 1)}`);
    expect(tooDeep).toThrow(AppError);
    expect(tooDeep).toThrow(`JSON aninhado demais (máx. ${MAX_JSON_DEPTH} níveis)`);
  });

  it("does not count brackets inside strings, escaped quotes included", () => {
    expect(() => assertJsonDepth(JSON.stringify({ a: `\\"${"{[".repeat(200)}` }))).not.toThrow();
    expect(() => assertJsonDepth(`{"a":"\\\\"${',"b":[[[1]]]'}}`, 3)).toThrow(AppError);
  });
});

describe("sanitizeJson", () => {
  it("drops NULs and replaces lone surrogates in values and keys, at any depth", () => {
    const { value, sanitized } = clean(String.raw`{"a\u0000b":["x\u0000y",{"n":"Ana \ud83d","m":"\udc00z"}],"ok":1}`);
    expect(sanitized).toBe(true);
    expect(value).toEqual({ ab: ["xy", { n: "Ana \uFFFD", m: "\uFFFDz" }], ok: 1 });
  });

  it("keeps valid surrogate pairs and reports nothing when nothing changed", () => {
    expect(clean(String.raw`{"e":"\ud83d\ude00","t":"\u00e9"}`)).toEqual({
      value: { e: "😀", t: "é" },
      sanitized: false,
    });
  });

  it("a __proto__ key stays an own key, never the object's prototype", () => {
    const { value } = clean(String.raw`{"__proto__":{"polluted":"\u0000yes"}}`);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect((value as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyDescriptor(value, "__proto__")?.value).toEqual({ polluted: "yes" });
  });
});
