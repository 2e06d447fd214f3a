// Ingestion benchmark: posts the portal fixtures with varied ids to a running server (real
// Postgres + Redis) and compares it with an empty route handler on the same server, same run.
//   npm run bench -- ingest [--url http://host:port] [--duration 15] [--connections 20] [--rate 110] [--slug horizonte]
// Two phases: a steady `rate` of deliveries (the target: ≥ 100 leads/s with p99 < 50 ms) and the
// server's capacity with `connections` clients posting back to back.
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

type Phase = { figures: Figures; created: number; duplicates: number; stored: number };

/** Posts Grupo OLX deliveries (every 10th repeats an earlier one, as portals do when they retry). */
async function postDeliveries(
  o: { url: string; slug: string; duration: number; connections: number; rate?: number; databaseUrl: string },
  bodies: Record<string, unknown>[],
  headers: Record<string, string>,
): Promise<Phase> {
  const before = await countRows(o.databaseUrl);
  let n = 0;
  let duplicates = 0;
  let created = 0;
  const runId = `${Date.now().toString(36)}-${o.rate ?? "max"}`;
  const result = await run({
    url: `${o.url}/api/webhooks/portais/grupo-olx/${o.slug}`,
    duration: o.duration,
    connections: o.connections,
    ...(o.rate ? { overallRate: o.rate } : {}),
    requests: [
      {
        method: "POST",
        headers,
        setupRequest: (req) => {
          const i = n++;
          const id = i % 10 === 9 ? i - 5 : i;
          const body = {
            ...bodies[id % bodies.length],
            originLeadId: `bench-${runId}-${id}`,
            phoneNumber: `119${String(10000000 + ((id * 7919 + (o.rate ?? 0)) % 89999999)).padStart(8, "0")}`,
            email: "",
          };
          return { ...req, body: JSON.stringify(body) };
        },
        onResponse: (status, body) => {
          if (status === 201) created++;
          else if (status === 200 && body.includes('"duplicado"')) duplicates++;
        },
      },
    ],
  });
  const after = await countRows(o.databaseUrl);
  return { figures: figures(result), created, duplicates, stored: after.leads - before.leads };
}

export async function main(args: string[]): Promise<void> {
  const duration = Number(arg(args, "duration", "15"));
  const connections = Number(arg(args, "connections", "20"));
  // A little above the target, so "≥ 100 accepted" does not hinge on how the rate rounds over 15 s.
  const rate = Number(arg(args, "rate", "110"));
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
    await postDeliveries({ url, slug, duration: 2, connections: 2, rate: 20, databaseUrl }, bodies, headers);
    const ping = (r?: number) =>
      run({ url: `${url}/api/ping`, method: "POST", headers, body: JSON.stringify(bodies[0]), duration, connections, ...(r ? { overallRate: r } : {}) }).then(figures);

    // 1. The target: portals posting at a steady `rate`; latency includes any queueing (autocannon
    //    corrects for coordinated omission at a fixed rate).
    const pingAtRate = await ping(rate);
    const atRate = await postDeliveries({ url, slug, duration, connections, rate, databaseUrl }, bodies, headers);
    // 2. Capacity: as fast as `connections` clients can post.
    const pingMax = await ping();
    const max = await postDeliveries({ url, slug, duration, connections, databaseUrl }, bodies, headers);

    const row = (label: string, x: Figures) =>
      `${label.padEnd(34)} ${x.rps.toFixed(1).padStart(7)} req/s   p50 ${String(x.p50).padStart(4)} ms   p99 ${String(x.p99).padStart(4)} ms   non-2xx ${x.non2xx}   errors ${x.errors + x.timeouts}`;
    const counts = (p: Phase) =>
      `  leads gravados: ${p.stored} (201: ${p.created})   duplicadas respondidas 200: ${p.duplicates}`;
    const accepted = (atRate.created + atRate.duplicates) / duration;
    console.log(`\nBenchmark de ingestão — ${duration}s por fase, ${connections} conexões, ${url} (Postgres + Redis reais)`);
    console.log(`\n1) ritmo fixo de ${rate} entregas/s (meta)`);
    console.log(row("rota vazia (/api/ping)", pingAtRate));
    console.log(row("webhook Grupo OLX", atRate.figures));
    console.log(counts(atRate));
    console.log(`  razão webhook / rota vazia: p50 ${(atRate.figures.p50 / Math.max(1, pingAtRate.p50)).toFixed(1)}×   p99 ${(atRate.figures.p99 / Math.max(1, pingAtRate.p99)).toFixed(1)}×`);
    console.log(`\n2) capacidade (${connections} clientes sem pausa)`);
    console.log(row("rota vazia (/api/ping)", pingMax));
    console.log(row("webhook Grupo OLX", max.figures));
    console.log(counts(max));
    console.log(`  razão webhook / rota vazia: vazão ${(max.figures.rps / pingMax.rps).toFixed(3)}`);
    const met = accepted >= 100 && atRate.figures.p99 < 50 && atRate.figures.non2xx === 0;
    console.log(`\nmeta: ≥ 100 leads/s aceitos com p99 < 50 ms → ${accepted.toFixed(1)} leads/s, p99 ${atRate.figures.p99} ms → ${met ? "atingida" : "NÃO atingida"}`);
  } finally {
    await server?.stop();
  }
}
