// Ingestion benchmark: posts the portal fixtures with varied ids to a running server (real
// Postgres + Redis) and compares it with an empty route handler on the same server, same run.
//   npm run bench -- ingest [--url http://host:port] [--duration 15] [--connections 20] [--slug horizonte]
import { readFileSync } from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import { Client } from "pg";
import { startBenchServer } from "./bench-server";

type Figures = { rps: number; p50: number; p99: number; non2xx: number; errors: number; timeouts: number; total: number };

const DEMO_SECRET = "horizonte-olx-demo-secret";
const FIXTURES = ["grupo-olx-lead-contact-form.json", "grupo-olx-lead-visit-request.json", "grupo-olx-lead-whatsapp-click.json"];

function arg(args: string[], name: string, fallback: string): string {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
}

function figures(result: autocannon.Result): Figures {
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    total: result.requests.total,
  };
}

async function run(opts: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(opts, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

async function countRows(databaseUrl: string): Promise<{ leads: number; entregas: number }> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ leads: number; entregas: number }>(
      "select (select count(*)::int from leads) as leads, (select count(*)::int from entregas_webhook) as entregas",
    );
    return rows[0]!;
  } finally {
    await client.end();
  }
}

export async function main(args: string[]): Promise<void> {
  const duration = Number(arg(args, "duration", "15"));
  const connections = Number(arg(args, "connections", "20"));
  const slug = arg(args, "slug", "horizonte");
  const postgres = arg(args, "database-url", process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test");
  const redis = arg(args, "redis-url", process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
  const given = arg(args, "url", "");
  const server = given ? null : await startBenchServer({ port: 3200, databaseUrl: postgres, redisUrl: redis, database: "lastro_bench" });
  const url = given || server!.url;
  const databaseUrl = server?.databaseUrl ?? postgres;
  try {
    const bodies = FIXTURES.map((f) => JSON.parse(readFileSync(path.join("lib/portals/fixtures", f), "utf8")) as Record<string, unknown>);
    const headers = {
      "content-type": "application/json",
      authorization: `Basic ${Buffer.from(`vivareal:${DEMO_SECRET}`).toString("base64")}`,
    };
    // Warm up both routes (first request compiles/loads modules).
    await fetch(`${url}/api/ping`, { method: "POST", body: "{}" });

    const baseline = figures(await run({ url: `${url}/api/ping`, method: "POST", headers, body: JSON.stringify(bodies[0]), duration, connections }));

    const before = await countRows(databaseUrl);
    let n = 0;
    let duplicatesAnswered = 0;
    let created = 0;
    const runId = Date.now().toString(36);
    const ingest = await run({
      url: `${url}/api/webhooks/portais/grupo-olx/${slug}`,
      duration,
      connections,
      requests: [
        {
          method: "POST",
          headers,
          setupRequest: (req) => {
            const i = n++;
            // Every 10th delivery repeats an earlier one, as portals do when they retry.
            const id = i % 10 === 9 ? i - 5 : i;
            const body = {
              ...bodies[id % bodies.length],
              originLeadId: `bench-${runId}-${id}`,
              phoneNumber: `119${String(10000000 + (id % 89999999)).padStart(8, "0")}`,
              email: "",
            };
            return { ...req, body: JSON.stringify(body) };
          },
          onResponse: (status, body) => {
            if (status === 201) created++;
            else if (status === 200 && body.includes('"duplicado"')) duplicatesAnswered++;
          },
        },
      ],
    });
    const after = await countRows(databaseUrl);
    const f = figures(ingest);
    const row = (label: string, x: Figures) =>
      `${label.padEnd(22)} ${x.rps.toFixed(1).padStart(9)} req/s   p50 ${String(x.p50).padStart(4)} ms   p99 ${String(x.p99).padStart(4)} ms   non-2xx ${x.non2xx}   errors ${x.errors + x.timeouts}`;
    console.log(`\nBenchmark de ingestão — ${duration}s, ${connections} conexões, ${url}`);
    console.log(row("rota vazia (/api/ping)", baseline));
    console.log(row("webhook Grupo OLX", f));
    console.log(`leads gravados: ${after.leads - before.leads} (201: ${created})   entregas: ${after.entregas - before.entregas}   duplicadas recusadas: ${duplicatesAnswered}`);
    console.log(`razão webhook / rota vazia: vazão ${(f.rps / baseline.rps).toFixed(3)}   p99 ${(f.p99 / Math.max(1, baseline.p99)).toFixed(1)}×`);
    console.log(`meta: ≥ 100 leads/s aceitos com p99 < 50 ms → ${f.rps >= 100 && f.p99 < 50 ? "atingida" : "NÃO atingida"}`);
  } finally {
    await server?.stop();
  }
}
