// The app under test, started the `npm start` way (scripts/start.ts: migrate, build when stale, the
// web process with the embedded pipeline) with everything it prints appended to a log file, which
// log-scan.ts reads at the end. Killed with SIGKILL as a whole process group, as a crash would.
import { spawn, type ChildProcess } from "node:child_process";
import { openSync, closeSync } from "node:fs";

export type AppEnv = {
  port: number;
  databaseUrl: string;
  redisUrl: string;
  dataDir: string;
  twilio: { url: string; accountSid: string; authToken: string };
};

export type RunningApp = { url: string; kill(): Promise<void>; stop(): Promise<void> };

// Nothing from the caller's shell or a .env may send the suite to real Twilio, OpenAI or Inngest.
const BLANK = ["DATABASE_DRIVER", "KV_REST_API_URL", "KV_REST_API_TOKEN", "OPENAI_API_KEY"].concat(
  ["INNGEST_EVENT_KEY", "INNGEST_SIGNING_KEY", "INNGEST_DEV", "INNGEST_BASE_URL"],
  ["WEB_CONCURRENCY", "PIPELINE_MODE", "NODE_ENV"],
);

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`o app saiu com código ${child.exitCode} (veja o log)`);
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error("o app não respondeu a /api/health a tempo");
}

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise<void>((r) => child.once("exit", () => r()));

export async function startApp(env: AppEnv, logFile: string): Promise<RunningApp> {
  const url = `http://127.0.0.1:${env.port}`;
  const busy = await fetch(`${url}/api/health`).then(
    () => true,
    () => false,
  );
  if (busy) throw new Error(`a porta ${env.port} já está em uso; pare o outro servidor ou use --port`);
  const fd = openSync(logFile, "a");
  const child = spawn("npx", ["tsx", "scripts/start.ts"], {
    env: {
      ...process.env,
      ...Object.fromEntries(BLANK.map((n) => [n, ""])),
      PORT: String(env.port),
      DATABASE_URL: env.databaseUrl,
      REDIS_URL: env.redisUrl,
      DATA_DIR: env.dataDir,
      PUBLIC_BASE_URL: `http://localhost:${env.port}`,
      DEMO: "false",
      LOG_LEVEL: "info",
      NEXT_TELEMETRY_DISABLED: "1",
      TWILIO_ACCOUNT_SID: env.twilio.accountSid,
      TWILIO_AUTH_TOKEN: env.twilio.authToken,
      TWILIO_WHATSAPP_FROM: "whatsapp:+14155238886",
      TWILIO_API_URL: env.twilio.url,
    },
    stdio: ["ignore", fd, fd],
    detached: true,
  });
  closeSync(fd);
  const signal = async (sig: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid!, sig);
    } catch {
      // already gone
    }
    await exited(child);
  };
  try {
    await waitForHealth(url, child, 600_000); // covers a `next build` when the build is stale
  } catch (err) {
    await signal("SIGKILL");
    throw err;
  }
  return { url, kill: () => signal("SIGKILL"), stop: () => signal("SIGTERM") };
}
