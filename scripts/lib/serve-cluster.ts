// WEB_CONCURRENCY > 1: N web processes (scripts/web-server.mjs) as node:cluster workers, which share one port, so
// every core serves HTTP. Same contract as runCommand: signals pass on, resolves with an exit code.
import cluster, { type Worker } from "node:cluster";
import { constants } from "node:os";
import path from "node:path";

export type ClusterOptions = {
  workers: number;
  /** Arguments of each worker, e.g. ["-p", "3000"]. */
  args: string[];
  /** The script each worker runs; scripts/web-server.mjs by default. Tests point it at a fixture. */
  exec?: string;
  /** Wait before replacing a worker that died, so a crash loop does not spin a core. */
  restartDelayMs?: number;
  /** Replacements allowed in any minute; one more death and the whole server stops. */
  maxRestartsPerMinute?: number;
};

/** The web process's script: Next.js behind node:http with the portal webhooks' direct lane. */
export function webServerScript(): string {
  return path.join(process.cwd(), "scripts", "web-server.mjs");
}

const exitCodeOf = (code: number | null, signal: string | null) =>
  code ?? (signal ? 128 + (constants.signals[signal as NodeJS.Signals] ?? 0) : 1);

export function serveCluster(options: ClusterOptions): Promise<number> {
  const { workers, args, restartDelayMs = 1_000, maxRestartsPerMinute = 5 } = options;
  // execArgv: [] because this primary runs under tsx and the workers must be plain node, exactly
  // what the single-process path runs, without tsx's loader in every request.
  cluster.setupPrimary({ exec: options.exec ?? webServerScript(), args, execArgv: [] });

  return new Promise((resolve) => {
    const live = new Set<Worker>();
    const pendingRestarts = new Set<NodeJS.Timeout>();
    let restartsAt: number[] = [];
    let stopping = false;
    let result = 0;

    const finishIfDone = () => {
      if (live.size > 0) return;
      process.off("SIGINT", onInt);
      process.off("SIGTERM", onTerm);
      resolve(result);
    };

    // Like runCommand: the code of a worker that did not exit cleanly (next answers SIGTERM with 143).
    const stop = (signal: NodeJS.Signals) => {
      stopping = true;
      for (const timer of pendingRestarts) clearTimeout(timer);
      pendingRestarts.clear();
      for (const worker of live) {
        if (worker.process.exitCode === null && worker.process.signalCode === null) worker.process.kill(signal);
      }
      finishIfDone();
    };
    const onInt = () => stop("SIGINT");
    const onTerm = () => stop("SIGTERM");

    const onWorkerExit = (worker: Worker, code: number) => {
      live.delete(worker);
      if (stopping) {
        if (result === 0) result = code;
        finishIfDone();
        return;
      }
      const now = Date.now();
      restartsAt = restartsAt.filter((at) => now - at < 60_000);
      if (restartsAt.length >= maxRestartsPerMinute) {
        // Something a restart cannot fix (no build, port taken, bad config): stop instead of looping.
        console.error(`✖ Os processos web caíram ${restartsAt.length + 1} vezes em um minuto; encerrando o servidor.`);
        result = code === 0 ? 1 : code;
        stop("SIGTERM");
        return;
      }
      restartsAt.push(now);
      console.error(
        `✖ O processo web ${worker.process.pid} saiu (código ${code}); outro começa em ${restartDelayMs / 1000} s.`,
      );
      const timer = setTimeout(() => {
        pendingRestarts.delete(timer);
        fork();
      }, restartDelayMs);
      pendingRestarts.add(timer);
    };

    const fork = () => {
      const worker = cluster.fork();
      live.add(worker);
      worker.on("exit", (code, signal) => onWorkerExit(worker, exitCodeOf(code, signal)));
      worker.on("error", (err) => console.error(`✖ processo web ${worker.process.pid}: ${err.message}`));
    };

    process.on("SIGINT", onInt);
    process.on("SIGTERM", onTerm);
    for (let i = 0; i < workers; i++) fork();
  });
}
