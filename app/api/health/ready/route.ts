// GET /api/health/ready – readiness: the database and KV answer (else 503), which parts are configured
// (Twilio or the outbox, Inngest or the in-process runner, the model or the rules), and the pipeline's
// backlog with warnings past the seed's thresholds. No personal data: counts and times only.
import { NextResponse } from "next/server";
import { getDb } from "@/lib/db/client";
import { pipelineBacklog } from "@/lib/db/queries/eventos";
import { env } from "@/lib/env";
import { getKv } from "@/lib/kv";
import { log } from "@/lib/log";
import { checkReadiness } from "@/lib/readiness";

export const dynamic = "force-dynamic";

export async function GET() {
  const report = await checkReadiness(
    {
      db: {
        driver: env.database.driver,
        ping: async () => (await getDb()).ping(),
        backlog: async () => pipelineBacklog((await getDb()).db),
      },
      kv: { driver: env.kv.driver, ping: () => getKv().ping() },
      twilioConfigured: env.twilio !== null,
      runner: env.inngest ? "inngest" : env.pipelineMode,
      llmConfigured: env.llm !== null,
      now: () => new Date(),
    },
    { onFailure: (failure) => log.error("health.ping_failed", failure) },
  );
  return NextResponse.json(report, {
    status: report.ok ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
}
