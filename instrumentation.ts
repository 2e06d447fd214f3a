// Next.js calls register() once per server process: start the in-process pipeline there
// (only on the Node.js runtime, and never while `next build` collects pages).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startEmbeddedPipeline } = await import("./lib/pipeline/start-embedded");
  await startEmbeddedPipeline();
}
