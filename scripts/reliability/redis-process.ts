// A Redis of the suite's own on a spare port, so the suite can stop it mid-load and start it again
// without touching the machine's Redis. No persistence: a restart comes back empty, the hard case.
import { spawn, type ChildProcess } from "node:child_process";
import { createConnection } from "node:net";

export type OwnRedis = { url: string; stop(): Promise<void>; start(): Promise<void> };

const answers = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = createConnection({ port, host: "127.0.0.1" }, () => {
      s.write("PING\r\n");
    });
    s.once("data", (d) => (s.destroy(), resolve(d.toString().startsWith("+PONG"))));
    s.once("error", () => resolve(false));
  });

export async function startOwnRedis(port: number): Promise<OwnRedis> {
  if (await answers(port)) throw new Error(`já existe um Redis na porta ${port}; use --redis-port`);
  let child: ChildProcess | null = null;
  const start = async () => {
    child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
      stdio: "ignore",
    });
    const deadline = Date.now() + 10_000;
    while (!(await answers(port))) {
      if (Date.now() > deadline) throw new Error("redis-server não respondeu a tempo (está instalado?)");
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    start,
    async stop() {
      const c = child;
      if (!c || c.exitCode !== null || c.signalCode !== null) return;
      const gone = new Promise((r) => c.once("exit", r));
      c.kill("SIGKILL"); // as a crash: no save, no goodbye to the clients
      await gone;
    },
  };
}
