// Starts the app for a benchmark: a fresh database on the given Postgres server, the given Redis,
// the same start path as `npm start`. Returns its base URL and a stop function.
import { spawn, type ChildProcess } from "node:child_process";

export type BenchServer = { url: string; databaseUrl: string; stop(): Promise<void> };

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`o servidor saiu com código ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("o servidor não respondeu a /api/health a tempo");
}

export async function startBenchServer(opts: { port: number; databaseUrl: string; redisUrl: string; database: string }): Promise<BenchServer> {
  const child = spawn("npx", ["tsx", "scripts/e2e-server.ts"], {
    env: {
      ...process.env,
      PORT: String(opts.port),
      DATABASE_URL: opts.databaseUrl,
      REDIS_URL: opts.redisUrl,
      LASTRO_SERVER_DATABASE: opts.database,
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
  });
  const url = `http://127.0.0.1:${opts.port}`;
  const stop = async () => {
    if (child.exitCode !== null) return;
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      // already gone
    }
    await new Promise((r) => child.once("exit", r));
  };
  try {
    await waitForHealth(url, child, 240_000);
  } catch (err) {
    await stop();
    throw err;
  }
  const db = new URL(opts.databaseUrl);
  db.pathname = `/${opts.database}`;
  return { url, databaseUrl: db.toString(), stop };
}
