// Child process entry for scripts/bench/fake-twilio-process.ts: the local fake Twilio server,
// answering the parent over IPC with its address and, when asked, the create calls it received.
import { startFakeTwilioServer } from "@/lib/whatsapp/testing/fake-twilio-server";

async function main(): Promise<void> {
  const fake = await startFakeTwilioServer();
  process.on("message", (message) => {
    if (message === "creates") process.send!({ type: "creates", creates: fake.creates });
    if (message === "close") void fake.close().then(() => process.exit(0));
  });
  process.on("disconnect", () => void fake.close().then(() => process.exit(0)));
  process.send!({ type: "ready", url: fake.url, accountSid: fake.accountSid, authToken: fake.authToken });
}

void main();
