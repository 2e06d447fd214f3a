import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { startUpstashRestServer, type UpstashRestServer } from "./upstash-rest-server";

const redisUrl = env.kv.redisUrl;
const suite = redisUrl ? describe : describe.skip;

suite(redisUrl ? "fake Upstash REST server" : "fake Upstash REST server — pulado: REDIS_URL não definida", () => {
  const token = randomUUID();
  const prefix = `kvtest:${randomUUID()}:`;
  let server: UpstashRestServer;

  const post = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${server.url}${path}`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...headers },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as unknown };
  };

  beforeAll(async () => {
    server = await startUpstashRestServer({ redisUrl: redisUrl!, token });
  });
  afterAll(async () => {
    await post("/", ["DEL", `${prefix}a`, `${prefix}l`, `${prefix}t`]);
    await server.close();
  });

  it("refuses a missing or wrong token with 401", async () => {
    const none = await fetch(`${server.url}/`, { method: "POST", body: JSON.stringify(["PING"]) });
    expect(none.status).toBe(401);
    const wrong = await post("/", ["PING"], { authorization: "Bearer errado" });
    expect(wrong.status).toBe(401);
  });

  it("runs one command, base64-encoding strings only when asked", async () => {
    expect(await post("/", ["SET", `${prefix}a`, "olá", "EX", 60])).toEqual({ status: 200, body: { result: "OK" } });
    expect((await post("/", ["GET", `${prefix}a`])).body).toEqual({ result: "olá" });
    expect((await post("/", ["GET", `${prefix}a`], { "Upstash-Encoding": "base64" })).body).toEqual({
      result: Buffer.from("olá").toString("base64"),
    });
    expect((await post("/", ["GET", `${prefix}missing`], { "Upstash-Encoding": "base64" })).body).toEqual({
      result: null,
    });
    expect((await post("/", ["TTL", `${prefix}a`], { "Upstash-Encoding": "base64" })).body).toEqual({ result: 60 });
  });

  it("answers a Redis error with 400 { error }", async () => {
    const res = await post("/", ["INCR", `${prefix}a`]);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: expect.stringMatching(/not an integer/) });
  });

  it("runs a pipeline with a result or an error per command, encoding nested arrays", async () => {
    const res = await post(
      "/pipeline",
      [
        ["RPUSH", `${prefix}l`, "x", "y"],
        ["EXPIRE", `${prefix}l`, 60],
        ["LRANGE", `${prefix}l`, 0, -1],
        ["INCR", `${prefix}l`],
      ],
      { "Upstash-Encoding": "base64" },
    );
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      { result: 2 },
      { result: 1 },
      { result: [Buffer.from("x").toString("base64"), Buffer.from("y").toString("base64")] },
      { error: expect.stringMatching(/WRONGTYPE/) },
    ]);
  });

  it("runs multi-exec as one transaction", async () => {
    const res = await post("/multi-exec", [
      ["SET", `${prefix}t`, "1", "EX", 60],
      ["INCR", `${prefix}t`],
    ]);
    expect(res.body).toEqual([{ result: "OK" }, { result: 2 }]);
    const aborted = await post("/multi-exec", [["SET", `${prefix}t`, "9", "EX", 60], ["NOSUCHCOMMAND"]]);
    expect(aborted.status).toBe(400);
    expect((await post("/", ["GET", `${prefix}t`])).body).toEqual({ result: "2" });
  });
});
