// The benchmark's fake Twilio runs in its own process, as the real Twilio is remote: parsing and
// answering its requests must not be billed to the process being measured.
import { fork } from "node:child_process";
import path from "node:path";
import type { CreateCall } from "@/lib/whatsapp/testing/fake-twilio-server";
import { childMessages } from "./child-ipc";

export type RemoteFakeTwilio = {
  url: string;
  accountSid: string;
  authToken: string;
  creates(): Promise<CreateCall[]>;
  close(): Promise<void>;
};

type ChildMessage =
  { type: "ready"; url: string; accountSid: string; authToken: string } | { type: "creates"; creates: CreateCall[] };

export async function startRemoteFakeTwilio(): Promise<RemoteFakeTwilio> {
  const child = fork(path.join(import.meta.dirname, "fake-twilio-child.ts"), [], {
    execArgv: ["--import", "tsx"],
    stdio: "inherit",
  });
  const next = childMessages<ChildMessage>(child, "o Twilio falso");
  const ready = await next("ready");
  return {
    url: ready.url,
    accountSid: ready.accountSid,
    authToken: ready.authToken,
    async creates() {
      const reply = next("creates");
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
