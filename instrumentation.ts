// Next.js calls register() once per server process: start the in-process pipeline there
// (only on the Node.js runtime, and never while `next build` collects pages), and offer the portal
// webhooks' direct lane to scripts/web-server.mjs (unused under `next dev` or on Vercel). First of
// all, what Next prints with console.error/warn (a page that threw) goes through the masking logger.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const [{ log }, { routeConsoleThroughLogger }] = await Promise.all([
    import("./lib/log"),
    import("./lib/log-console"),
  ]);
  routeConsoleThroughLogger(log);
  const { registerPortalWebhookLane } = await import("./app/api/webhooks/portais/portal-webhook-lane");
  registerPortalWebhookLane();
  const { startEmbeddedPipeline } = await import("./inngest/embedded/start-embedded");
  await startEmbeddedPipeline();
}
