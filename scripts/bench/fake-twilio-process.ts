// The benchmark's fake Twilio runs in its own process, as the real Twilio is remote: parsing and
// answering its requests must not be billed to the process being measured.
import path from "node:path";
import type { CreateCall } from "@/lib/whatsapp/testing/fake-twilio-server";
import { forkBenchChild } from "./child-ipc";

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
  const { child, next, close } = forkBenchChild<ChildMessage>(
    path.join(import.meta.dirname, "fake-twilio-child.ts"),
    "o Twilio falso",
  );
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
    close,
  };
}
