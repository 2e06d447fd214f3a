// Next.js calls register() once per server process: start the in-process pipeline there
// (only on the Node.js runtime, and never while `next build` collects pages), and offer the portal
// webhooks' direct lane to scripts/web-server.mjs (unused under `next dev` or on Vercel).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { registerPortalWebhookLane } = await import("./lib/http/portal-webhook-lane");
  registerPortalWebhookLane();
  const { startEmbeddedPipeline } = await import("./lib/pipeline/start-embedded");
  await startEmbeddedPipeline();
}
