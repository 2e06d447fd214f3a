// Child process entry for scripts/bench/fake-llm.ts: the slow fake model, its address sent to the
// parent over IPC. Its log of requests stays here: the bench reads only what the pipeline wrote.
import { startSlowFakeModel } from "./fake-llm";

async function main(): Promise<void> {
  const fake = await startSlowFakeModel();
  const close = () => void fake.close().then(() => process.exit(0));
  process.on("message", (message) => {
    if (message === "close") close();
  });
  process.on("disconnect", close);
  process.send!({ type: "ready", baseUrl: fake.baseUrl });
}

void main();
