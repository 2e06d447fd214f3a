// @ts-check
// The web process of `npm start`: Next.js behind a plain node:http server, so portal webhooks take
// the direct lane (app/api/webhooks/portais/portal-webhook-lane.ts, registered by instrumentation.ts
// inside Next's server bundle, found here through lib/http/direct-lane-registry.mjs) and every other
// request goes through Next's router. Plain JavaScript run by node, like `next start`: no TypeScript
// loader in the request path. Usage: node scripts/web-server.mjs -p PORT
import http from "node:http";
import { getDirectLane } from "../lib/http/direct-lane-registry.mjs";

process.env.NODE_ENV = "production"; // as `next start` does; set before Next loads
const flag = process.argv.indexOf("-p");
const port = Number(flag === -1 ? (process.env.PORT ?? 3000) : process.argv[flag + 1]);
if (!Number.isInteger(port) || port <= 0) {
  console.error(`✖ Porta inválida: ${process.argv[flag + 1] ?? process.env.PORT}`);
  process.exit(1);
}

const started = Date.now();
const { default: next } = await import("next");
const app = next({ dev: false, dir: process.cwd(), hostname: "localhost", port });
await app.prepare(); // loads Next's router; its server, and instrumentation.ts, start on the first request (below)
const handle = app.getRequestHandler();

/**
 * Appends the socket's peer to X-Forwarded-For, as a proxy would: the login limits count per source
 * (lib/auth/client-ip.ts), and a client can write the header but not its own place at its end.
 * @param {http.IncomingMessage} req
 */
function appendPeer(req) {
  const peer = req.socket.remoteAddress;
  if (!peer) return;
  const prior = req.headers["x-forwarded-for"];
  req.headers["x-forwarded-for"] = prior ? `${prior}, ${peer}` : peer;
}

const server = http.createServer((req, res) => {
  if (getDirectLane()?.serve(req, res)) return;
  appendPeer(req);
  // As `next start` does around the same handler.
  handle(req, res).catch((err) => {
    console.error(`✖ Falha ao atender ${req.method} ${req.url}:`, err);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});
server.on("error", (err) => {
  console.error(`✖ O servidor web não pôde abrir a porta ${port}: ${err.message}`);
  process.exit(1);
});
server.listen(port, async () => {
  // Next prepares its server (and runs instrumentation.ts) on the first request it handles: make
  // that request now, so the lane is there before the first portal delivery and it pays no start-up.
  await fetch(`http://127.0.0.1:${port}/api/ping`).catch(() => undefined);
  const direct = getDirectLane()
    ? "webhooks dos portais pela via direta, demais rotas pelo Next.js"
    : "sem a via direta dos webhooks";
  console.log(`▲ Lastro em http://localhost:${port} (${direct}), pronto em ${Date.now() - started} ms`);
});

// Like `next start`: stop taking connections, let requests in flight and their after-response
// work finish, then exit with 128 + the signal's number.
let stopping = false;
/** @param {NodeJS.Signals} signal */
function stop(signal) {
  if (stopping) return;
  stopping = true;
  const exitCode = signal === "SIGINT" ? 130 : 143;
  const force = setTimeout(() => process.exit(exitCode), 10_000);
  force.unref();
  server.close(() => {
    void Promise.allSettled([getDirectLane()?.drain(), app.close()]).then(() => process.exit(exitCode));
  });
  server.closeIdleConnections();
}
process.on("SIGINT", () => stop("SIGINT"));
process.on("SIGTERM", () => stop("SIGTERM"));
