import { brotliCompressSync, deflateSync, gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { readJsonBody } from "./read-json-body";

const post = (body: BodyInit | null, headers: Record<string, string> = { "content-type": "application/json" }) =>
  new Request("http://localhost/x", { method: "POST", body, headers });

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (err) {
    return err instanceof AppError ? `${err.status} ${err.code}` : String(err);
  }
}

describe("readJsonBody", () => {
  it("parses JSON, with or without a charset", async () => {
    expect((await readJsonBody(post('{"a":1}'))).value).toEqual({ a: 1 });
    expect((await readJsonBody(post('{"a":2}', { "content-type": "application/json; charset=utf-8" }))).value).toEqual({
      a: 2,
    });
  });

  it("refuses a wrong content type with 415", async () => {
    expect(await codeOf(readJsonBody(post("a=1", { "content-type": "application/x-www-form-urlencoded" })))).toBe(
      "415 unsupported_media_type",
    );
    expect(await codeOf(readJsonBody(post("{}", {})))).toBe("415 unsupported_media_type");
  });

  it("refuses malformed or empty JSON with 400", async () => {
    expect(await codeOf(readJsonBody(post("{nope")))).toBe("400 invalid_json");
    expect(await codeOf(readJsonBody(post("")))).toBe("400 invalid_json");
  });

  it("refuses a body over the limit with 413, even without Content-Length", async () => {
    const big = JSON.stringify({ x: "a".repeat(300 * 1024) });
    expect(await codeOf(readJsonBody(post(big)))).toBe("413 payload_too_large");
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 10; i++) controller.enqueue(new TextEncoder().encode("a".repeat(64 * 1024)));
        controller.close();
      },
    });
    const req = new Request("http://localhost/x", {
      method: "POST",
      body: stream,
      headers: { "content-type": "application/json" },
      duplex: "half",
    } as RequestInit);
    expect(await codeOf(readJsonBody(req))).toBe("413 payload_too_large");
  });
});

describe("readJsonBody, compressed bodies", () => {
  const encoded = (body: Buffer, encoding: string) =>
    post(new Uint8Array(body), { "content-type": "application/json", "content-encoding": encoding });

  it("decodes gzip, deflate and br; refuses another encoding with 415 naming the supported ones", async () => {
    const json = Buffer.from('{"a":1}');
    expect((await readJsonBody(encoded(gzipSync(json), "gzip"))).value).toEqual({ a: 1 });
    expect((await readJsonBody(encoded(deflateSync(json), "deflate"))).value).toEqual({ a: 1 });
    expect((await readJsonBody(encoded(brotliCompressSync(json), "br"))).value).toEqual({ a: 1 });
    expect((await readJsonBody(encoded(json, "identity"))).value).toEqual({ a: 1 });
    expect(await codeOf(readJsonBody(encoded(json, "zstd")))).toBe("415 unsupported_media_type");
  });

  it("applies the limit to the decoded size (413) and refuses corrupt bytes (400)", async () => {
    const bomb = gzipSync(Buffer.alloc(5 * 1024 * 1024, "a"));
    expect(await codeOf(readJsonBody(encoded(bomb, "gzip")))).toBe("413 payload_too_large");
    expect(await codeOf(readJsonBody(encoded(Buffer.from('{"a":1}'), "gzip")))).toBe("400 bad_request");
  });
});
