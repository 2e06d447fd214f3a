// Test-only stand-in for Upstash's REST API (what @vercel/kv talks to), forwarding each
// command to a real Redis so the vercel-kv adapter runs the same contract as the others.
// Speaks what @upstash/redis sends: POST / (one command), /pipeline and /multi-exec (arrays),
// a Bearer token, and base64 string results when `Upstash-Encoding: base64` is present.
import http from "node:http";
import type { AddressInfo } from "node:net";
import Redis from "ioredis";

export interface UpstashRestServer {
  url: string;
  close(): Promise<void>;
}

type Command = [string, ...(string | number | boolean)[]];
type Reply = { result: unknown } | { error: string };

export async function startUpstashRestServer(options: { redisUrl: string; token: string }): Promise<UpstashRestServer> {
  const redis = new Redis(options.redisUrl, { maxRetriesPerRequest: 1, commandTimeout: 5000 });

  const server = http.createServer((req, res) => {
    handle(req).then(
      ({ status, body }) => send(res, status, body),
      (err: unknown) => send(res, 500, { error: err instanceof Error ? err.message : String(err) }),
    );
  });

  async function handle(req: http.IncomingMessage): Promise<{ status: number; body: unknown }> {
    if (req.headers.authorization !== `Bearer ${options.token}`) {
      return { status: 401, body: { error: "Unauthorized" } };
    }
    if (req.method !== "POST") return { status: 405, body: { error: "Method not allowed" } };
    const base64 = String(req.headers["upstash-encoding"] ?? "").toLowerCase() === "base64";
    const encode = (result: unknown) => (base64 ? encodeBase64(result) : result);

    let payload: unknown;
    try {
      payload = JSON.parse(await readBody(req));
    } catch {
      return { status: 400, body: { error: "ERR failed to parse command" } };
    }
    const path = new URL(req.url ?? "/", "http://localhost").pathname.replace(/\/+$/, "");

    if (path === "") {
      if (!isCommand(payload)) return { status: 400, body: { error: "ERR failed to parse command" } };
      const reply = await run(payload);
      return "error" in reply ? { status: 400, body: reply } : { status: 200, body: { result: encode(reply.result) } };
    }
    if (path === "/pipeline" || path === "/multi-exec") {
      if (!Array.isArray(payload) || payload.length === 0 || !payload.every(isCommand)) {
        return { status: 400, body: { error: "ERR failed to parse pipeline request" } };
      }
      const replies = path === "/pipeline" ? await runPipeline(payload) : await runTransaction(payload);
      if (!Array.isArray(replies)) return { status: 400, body: replies };
      return {
        status: 200,
        body: replies.map((r) => ("error" in r ? r : { result: encode(r.result) })),
      };
    }
    return { status: 404, body: { error: "Not found" } };
  }

  async function run([name, ...args]: Command): Promise<Reply> {
    try {
      return { result: await redis.call(name, ...args.map(String)) };
    } catch (err) {
      return { error: err instanceof Error ? err.message : String(err) };
    }
  }

  // Commands in order on the one connection, each with its own result or error, like Upstash.
  async function runPipeline(commands: Command[]): Promise<Reply[]> {
    const pipeline = redis.pipeline();
    for (const [name, ...args] of commands) pipeline.call(name, ...args.map(String));
    const results = (await pipeline.exec()) ?? [];
    return results.map(([err, result]) => (err ? { error: err.message } : { result }));
  }

  // MULTI/EXEC: a command Redis refuses to queue aborts the whole transaction (one error).
  async function runTransaction(commands: Command[]): Promise<Reply[] | { error: string }> {
    const multi = redis.multi();
    for (const [name, ...args] of commands) multi.call(name, ...args.map(String));
    try {
      const results = (await multi.exec()) ?? [];
      return results.map(([err, result]) => (err ? { error: err.message } : { result }));
    } catch (err) {
      return { error: err instanceof Error ? err.message : String(err) };
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      redis.disconnect();
    },
  };
}

/** Upstash base64-encodes every string in a result, at any depth; numbers and nulls stay. */
function encodeBase64(result: unknown): unknown {
  if (typeof result === "string") return Buffer.from(result, "utf8").toString("base64");
  if (Array.isArray(result)) return result.map(encodeBase64);
  return result;
}

function isCommand(value: unknown): value is Command {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    typeof value[0] === "string" &&
    value.every((v) => typeof v === "string" || typeof v === "number" || typeof v === "boolean")
  );
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}
