// The worker's sign of life for a container healthcheck (Dockerfile, docker-compose.yml): after each
// database ping that answers, the file's mtime moves; a stuck event loop or a database the worker
// cannot reach leaves it old, and the healthcheck (mtime within 90 s) turns the container unhealthy.
import fs from "node:fs";
import path from "node:path";

export const HEARTBEAT_FILE = "worker-heartbeat";
export const HEARTBEAT_EVERY_MS = 30_000;

export type WorkerHeartbeatOptions = {
  dataDir: string;
  ping: () => Promise<unknown>;
  onFailure?: (reason: string) => void;
  everyMs?: number;
};

export function startWorkerHeartbeat({
  dataDir,
  ping,
  onFailure,
  everyMs = HEARTBEAT_EVERY_MS,
}: WorkerHeartbeatOptions): { beat(): Promise<boolean>; stop(): void } {
  const file = path.join(dataDir, HEARTBEAT_FILE);
  const beat = async (): Promise<boolean> => {
    try {
      await ping();
      fs.mkdirSync(dataDir, { recursive: true });
      fs.writeFileSync(file, `${new Date().toISOString()}\n`);
      return true;
    } catch (err) {
      onFailure?.(err instanceof Error ? err.message : String(err));
      return false;
    }
  };
  void beat();
  const timer = setInterval(() => void beat(), everyMs);
  timer.unref();
  return { beat, stop: () => clearInterval(timer) };
}
