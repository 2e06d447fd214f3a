// Runs one child process with the terminal attached, passing SIGINT/SIGTERM on to it, and
// resolves with an exit code (128 + signal number when the child died from a signal).
import { spawn } from "node:child_process";
import { constants } from "node:os";
import path from "node:path";

export type RunOptions = { env?: NodeJS.ProcessEnv; cwd?: string };

/** A binary installed in the project's node_modules/.bin (npm scripts run from the project root). */
export function projectBin(name: string): string {
  return path.join(process.cwd(), "node_modules", ".bin", name);
}

export function runCommand(command: string, args: string[], options: RunOptions = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", env: options.env ?? process.env, cwd: options.cwd });
    const forward = (signal: NodeJS.Signals) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    };
    const onInt = () => forward("SIGINT");
    const onTerm = () => forward("SIGTERM");
    process.on("SIGINT", onInt);
    process.on("SIGTERM", onTerm);
    let settled = false;
    const done = (code: number) => {
      if (settled) return;
      settled = true;
      process.off("SIGINT", onInt);
      process.off("SIGTERM", onTerm);
      resolve(code);
    };
    child.on("error", (err) => {
      console.error(`✖ não foi possível executar ${command}: ${err.message}`);
      done(127);
    });
    child.on("exit", (code, signal) => {
      done(code ?? (signal ? 128 + (constants.signals[signal] ?? 0) : 1));
    });
  });
}

/** Seconds since `startedAt` (a performance.now() value), one decimal, for progress lines. */
export function secondsSince(startedAt: number): string {
  return `${((performance.now() - startedAt) / 1000).toFixed(1)} s`;
}
