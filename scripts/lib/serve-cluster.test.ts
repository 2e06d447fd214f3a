// The cluster path of `npm start` (WEB_CONCURRENCY > 1) with real processes: a fixture that
// answers its pid stands in for `next start`. Only localhost; no build, no database.
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import net, { type AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { serveCluster } from "./serve-cluster";

const FIXTURES = fileURLToPath(new URL("./fixtures", import.meta.url));
const PID_SERVER = path.join(FIXTURES, "pid-server.mjs");

let primary: ChildProcess | null = null;

afterEach(() => {
  if (primary && primary.exitCode === null && primary.signalCode === null) primary.kill("SIGKILL");
  primary = null;
});

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The pid that answers a NEW connection (no keep-alive, so the primary hands it to a worker). */
function askPid(port: number): Promise<number | null> {
  return new Promise((resolve) => {
    const req = http.get({ host: "127.0.0.1", port, agent: false }, (res) => {
      let body = "";
      res.on("data", (chunk: Buffer) => (body += chunk.toString()));
      res.on("end", () => resolve(Number(body)));
    });
    // A connection handed to a worker at the instant it was killed is never answered.
    req.setTimeout(1_000, () => req.destroy());
    req.on("error", () => resolve(null));
  });
}

/** Asks until `wanted` returns true for the set of pids seen so far, or fails after 15 s. */
async function pidsUntil(port: number, wanted: (seen: Set<number>) => boolean): Promise<Set<number>> {
  const seen = new Set<number>();
  const deadline = Date.now() + 15_000;
  while (!wanted(seen)) {
    if (Date.now() > deadline) throw new Error(`pids vistos: ${[...seen].join(", ") || "nenhum"}`);
    const pid = await askPid(port);
    if (pid) seen.add(pid);
    else await new Promise((r) => setTimeout(r, 100));
  }
  return seen;
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe("serveCluster", () => {
  it("serves one port from two processes, replaces a killed one, and SIGTERM ends them all", async () => {
    const port = await freePort();
    primary = spawn(
      process.execPath,
      ["--import", "tsx", path.join(FIXTURES, "cluster-primary.ts"), PID_SERVER, String(port), "2"],
      {
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let output = "";
    primary.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    primary.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => primary!.once("exit", (code) => resolve(code)));

    const first = await pidsUntil(port, (seen) => seen.size === 2);
    expect(first.has(primary.pid!)).toBe(false);

    const [killed, survivor] = [...first] as [number, number];
    process.kill(killed, "SIGKILL");
    const replacement = await pidsUntil(port, (seen) => [...seen].some((pid) => !first.has(pid)));
    const newcomer = [...replacement].find((pid) => !first.has(pid))!;
    expect(output).toContain(`O processo web ${killed} saiu (código 137); outro começa em 0.1 s.`);
    expect(isAlive(survivor)).toBe(true);

    primary.kill("SIGTERM");
    // Each worker answered SIGTERM with 143, as `next start` does; the primary hands that code on.
    expect(await exited).toBe(143);
    expect(isAlive(survivor)).toBe(false);
    expect(isAlive(newcomer)).toBe(false);
    expect(await askPid(port)).toBeNull();
  });

  it("gives up with a non-zero code when the workers keep dying", async () => {
    const handlersBefore = process.listenerCount("SIGTERM");
    const code = await serveCluster({
      workers: 2,
      exec: path.join(FIXTURES, "exit-at-once.mjs"),
      args: [],
      restartDelayMs: 20,
      maxRestartsPerMinute: 3,
    });
    expect(code).toBe(3);
    // Its signal handlers are gone with it: nothing is left listening for a server that stopped.
    expect(process.listenerCount("SIGTERM")).toBe(handlersBefore);
  });
});
