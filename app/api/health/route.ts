// GET /api/health – pings the database and the KV; 200 when both answer, 503 naming the failing part
import { NextResponse } from "next/server";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { checkHealth } from "@/lib/health";
import { getKv } from "@/lib/kv";
import { log } from "@/lib/log";

export const dynamic = "force-dynamic";

export async function GET() {
  // Opening the handle is part of the check: a database that cannot even connect is a failing db.
  const report = await checkHealth(
    {
      db: { driver: env.database.driver, ping: async () => (await getDb()).ping() },
      kv: { driver: env.kv.driver, ping: () => getKv().ping() },
    },
    { onFailure: (failure) => log.error("health.ping_failed", failure) },
  );
  return NextResponse.json(report, {
    status: report.ok ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
}
