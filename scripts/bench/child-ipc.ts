// The benchmark's parent side of a forked helper (the fake Twilio, the fake model, the pipeline
// worker): waits for the child's next IPC message of one type, and fails instead of hanging when the
// child exits first.
import { fork, type ChildProcess } from "node:child_process";

/** `who` names the child in the error, e.g. "o Twilio falso" → "o Twilio falso saiu com código 1". */
export function childMessages<M extends { type: string }>(child: ChildProcess, who: string) {
  return function next<T extends M["type"]>(type: T): Promise<Extract<M, { type: T }>> {
    return new Promise((resolve, reject) => {
      const onMessage = (m: M) => {
        if (m.type !== type) return;
        child.off("message", onMessage);
        child.off("exit", onExit);
        resolve(m as Extract<M, { type: T }>);
      };
      const onExit = (code: number | null) => reject(new Error(`${who} saiu com código ${code}`));
      child.on("message", onMessage);
      child.once("exit", onExit);
    });
  };
}

/**
 * Forks one of the bench's helper scripts (a `*-child.ts` beside this file) under tsx. `close()` asks
 * it to leave ("close" over IPC) and resolves once it has exited.
 */
export function forkBenchChild<M extends { type: string }>(file: string, who: string) {
  const child = fork(file, [], { execArgv: ["--import", "tsx"], stdio: "inherit" });
  return {
    child,
    next: childMessages<M>(child, who),
    async close(): Promise<void> {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.send("close");
      await exited;
    },
  };
}
