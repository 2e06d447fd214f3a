// The benchmark's fake Twilio runs in its own process, as the real Twilio is remote: parsing and
// answering its requests must not be billed to the process being measured.
import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import type { CreateCall } from "@/lib/whatsapp/testing/fake-twilio-server";

export type RemoteFakeTwilio = {
  url: string;
  accountSid: string;
  authToken: string;
  creates(): Promise<CreateCall[]>;
  close(): Promise<void>;
};

type ChildMessage =
  | { type: "ready"; url: string; accountSid: string; authToken: string }
  | { type: "creates"; creates: CreateCall[] };

function next<T extends ChildMessage["type"]>(child: ChildProcess, type: T): Promise<Extract<ChildMessage, { type: T }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: ChildMessage) => {
      if (m.type !== type) return;
      child.off("message", onMessage);
      child.off("exit", onExit);
      resolve(m as Extract<ChildMessage, { type: T }>);
    };
    const onExit = (code: number | null) => reject(new Error(`o Twilio falso saiu com código ${code}`));
    child.on("message", onMessage);
    child.once("exit", onExit);
  });
}

export async function startRemoteFakeTwilio(): Promise<RemoteFakeTwilio> {
  const child = fork(path.join(import.meta.dirname, "fake-twilio-child.ts"), [], { execArgv: ["--import", "tsx"], stdio: "inherit" });
  const ready = await next(child, "ready");
  return {
    url: ready.url,
    accountSid: ready.accountSid,
    authToken: ready.authToken,
    async creates() {
      const reply = next(child, "creates");
      child.send("creates");
      return (await reply).creates;
    },
    async close() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.send("close");
      await exited;
    },
  };
}
