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

function stopper(child: ChildProcess): () => Promise<void> {
  return async () => {
    if (child.exitCode !== null) return;
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      // already gone
    }
    await new Promise((r) => child.once("exit", r));
  };
}

export type BenchServerOptions = {
  port: number;
  databaseUrl: string;
  redisUrl: string;
  database: string;
  /**
   * The production shape without Inngest: the web server with PIPELINE_MODE=worker and
   * `npm run worker` beside it, so the pipeline does not run in the processes being measured.
   */
  worker?: boolean;
  /** WEB_CONCURRENCY: web processes sharing the port (default 1). */
  webProcesses?: number;
  /** The worker's `nice` value: > 0 lets the web processes' acks go first when both want the CPU. */
  workerNice?: number;
};

/** A server left on the port from an earlier run would answer the health check and be measured instead. */
async function assertPortFree(url: string, port: number): Promise<void> {
  const answered = await fetch(`${url}/api/health`).then(
    () => true,
    () => false,
  );
  if (answered)
    throw new Error(`a porta ${port} já está em uso (um servidor de uma execução anterior?); pare-o ou use --url`);
}

export async function startBenchServer(opts: BenchServerOptions): Promise<BenchServer> {
  await assertPortFree(`http://127.0.0.1:${opts.port}`, opts.port);
  const pipelineMode = opts.worker ? "worker" : "embutido";
  const child = spawn("npx", ["tsx", "scripts/e2e-server.ts"], {
    env: {
      ...process.env,
      PORT: String(opts.port),
      DATABASE_URL: opts.databaseUrl,
      REDIS_URL: opts.redisUrl,
      LASTRO_SERVER_DATABASE: opts.database,
      PIPELINE_MODE: pipelineMode,
      WEB_CONCURRENCY: String(opts.webProcesses ?? 1),
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
  });
  const url = `http://127.0.0.1:${opts.port}`;
  const stopServer = stopper(child);
  try {
    await waitForHealth(url, child, 240_000);
  } catch (err) {
    await stopServer();
    throw err;
  }
  const db = new URL(opts.databaseUrl);
  db.pathname = `/${opts.database}`;
  if (!opts.worker) return { url, databaseUrl: db.toString(), stop: stopServer };

  // Started once the server has created, migrated and seeded the database.
  const nice = opts.workerNice ?? 0;
  const command = ["npx", "tsx", "scripts/worker.ts"];
  const [bin, ...args] = nice > 0 ? ["nice", "-n", String(nice), ...command] : command;
  const worker = spawn(bin!, args, {
    env: {
      ...process.env,
      DATABASE_URL: db.toString(),
      REDIS_URL: opts.redisUrl,
      PIPELINE_MODE: "worker",
      LOG_LEVEL: "warn",
      ...blankOutside,
    },
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
  });
  const stopWorker = stopper(worker);
  return { url, databaseUrl: db.toString(), stop: async () => void (await Promise.all([stopWorker(), stopServer()])) };
}

export type ExistingDatabaseServerOptions = { port: number; databaseUrl: string; redisUrl: string; dataDir: string };

/**
 * The `npm start` path (migrate, build when stale, serve) on a database that already holds its data,
 * left as it is: no demo seed (DEMO=false), no pipeline in the web process (PIPELINE_MODE=worker and
 * no worker), so what is measured is the pages alone. The timeout covers a `next build`.
 */
export async function startServerOnDatabase(opts: ExistingDatabaseServerOptions): Promise<BenchServer> {
  const url = `http://127.0.0.1:${opts.port}`;
  await assertPortFree(url, opts.port);
  const child = spawn("npx", ["tsx", "scripts/start.ts"], {
    env: {
      ...process.env,
      ...blankOutside,
      PORT: String(opts.port),
      DATABASE_URL: opts.databaseUrl,
      REDIS_URL: opts.redisUrl,
      DATA_DIR: opts.dataDir,
      PUBLIC_BASE_URL: `http://localhost:${opts.port}`,
      DEMO: "false",
      PIPELINE_MODE: "worker",
      WEB_CONCURRENCY: "1",
      LOG_LEVEL: "warn",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
  });
  const stop = stopper(child);
  try {
    await waitForHealth(url, child, 600_000);
  } catch (err) {
    await stop();
    throw err;
  }
  return { url, databaseUrl: opts.databaseUrl, stop };
}

// The worker must not reach real Twilio, OpenAI, Inngest or another KV either (as e2e-server.ts).
const blankOutside = Object.fromEntries(
  [
    "DATABASE_DRIVER",
    "KV_REST_API_URL",
    "KV_REST_API_TOKEN",
    "TWILIO_ACCOUNT_SID",
    "TWILIO_AUTH_TOKEN",
    "TWILIO_WHATSAPP_FROM",
    "OPENAI_API_KEY",
    "INNGEST_EVENT_KEY",
    "INNGEST_SIGNING_KEY",
    "INNGEST_DEV",
  ].map((n) => [n, ""]),
);
