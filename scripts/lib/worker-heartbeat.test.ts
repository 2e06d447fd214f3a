import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { HEARTBEAT_FILE, startWorkerHeartbeat } from "./worker-heartbeat";

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lastro-heartbeat-"));
  dirs.push(dir);
  return path.join(dir, "dados");
};
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe("startWorkerHeartbeat", () => {
  it("moves the heartbeat file after a ping that answers, creating the data folder", async () => {
    const dataDir = tempDir();
    const heartbeat = startWorkerHeartbeat({ dataDir, ping: async () => {}, everyMs: 60_000 });
    try {
      expect(await heartbeat.beat()).toBe(true);
      const written = fs.readFileSync(path.join(dataDir, HEARTBEAT_FILE), "utf8").trim();
      expect(Date.now() - new Date(written).getTime()).toBeLessThan(60_000);
    } finally {
      heartbeat.stop();
    }
  });

  it("leaves the file alone and reports why when the database does not answer", async () => {
    const dataDir = tempDir();
    const reasons: string[] = [];
    const heartbeat = startWorkerHeartbeat({
      dataDir,
      ping: () => Promise.reject(new Error("connect ECONNREFUSED 127.0.0.1:5432")),
      onFailure: (reason) => reasons.push(reason),
      everyMs: 60_000,
    });
    try {
      expect(await heartbeat.beat()).toBe(false);
      expect(fs.existsSync(path.join(dataDir, HEARTBEAT_FILE))).toBe(false);
      expect(reasons).toContain("connect ECONNREFUSED 127.0.0.1:5432");
    } finally {
      heartbeat.stop();
    }
  });
});
