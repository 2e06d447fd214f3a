// The reliability suite (entry: index.ts): the app started the `npm start` way on a fresh Postgres database, with
// a Redis of the suite's own (so it can be stopped and started) and Twilio configured to a LOCAL FAKE
// Twilio server in this process (TWILIO_API_URL): nothing reaches the internet. Five scenarios of
// load and failure, then the app's log is checked for personal data; prints a table, exits 1 on a miss.
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { createDb, type DbHandle } from "@/lib/db/client";
import { migrateDb } from "@/lib/db/migrate";
import { recreateDatabase } from "@/scripts/lib/fresh-database";
import { startFakeTwilioServer, type FakeTwilioServer } from "@/lib/whatsapp/testing/fake-twilio-server";
import { startApp, type AppEnv } from "./app-process";
import { scanLogs } from "./log-scan";
import { LEAD_SURNAME } from "./deliveries";
import { startOwnRedis, type OwnRedis } from "./redis-process";
import { printTable } from "./report";
import {
  hotLeadsOneBroker,
  killMidLoad,
  redisDown,
  sameDelivery,
  seedAgencies,
  twilioFailures,
  type ScenarioResult,
  type SuiteContext,
} from "./scenarios";

const DATABASE = "lastro_confiabilidade";

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

export async function runSuite(): Promise<number> {
  const serverUrl = arg("database-url", process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres");
  const port = Number(arg("port", "3300"));
  const redisPort = Number(arg("redis-port", "6391"));
  const root = path.resolve(".data", "confiabilidade");
  await rm(root, { recursive: true, force: true });
  await mkdir(path.join(root, "logs"), { recursive: true });
  const logFile = path.join(root, "logs", "app.log");

  const runId = Date.now().toString(36);
  let handle: DbHandle | null = null;
  let fake: FakeTwilioServer | null = null;
  let redis: OwnRedis | null = null;
  let ctx: SuiteContext | null = null;
  const results: ScenarioResult[] = [];
  try {
    const databaseUrl = await recreateDatabase(serverUrl, DATABASE);
    handle = await createDb({ driver: "postgres", url: databaseUrl });
    await migrateDb(handle);
    const agencies = await seedAgencies(handle, runId);
    fake = await startFakeTwilioServer();
    redis = await startOwnRedis(redisPort);
    const appEnv: AppEnv = {
      port,
      databaseUrl,
      redisUrl: redis.url,
      dataDir: path.join(root, "app"),
      twilio: { url: fake.url, accountSid: fake.accountSid, authToken: fake.authToken },
    };
    console.log(
      `▸ Confiabilidade: app em ${port} (npm start), Postgres ${DATABASE}, Redis próprio em ${redisPort}, Twilio falso local.`,
    );
    console.log(`  Log do app: ${path.relative(process.cwd(), logFile)}`);
    const app = await startApp(appEnv, logFile);
    // Ctrl-C: the app runs in its own process group and Redis is ours; neither may outlive the suite.
    const abort = () => void Promise.all([ctx?.app.kill(), redis?.stop()]).finally(() => process.exit(130));
    process.once("SIGINT", abort);
    process.once("SIGTERM", abort);
    ctx = {
      handle,
      fake,
      redis,
      appEnv,
      app,
      restartApp: () => startApp(appEnv, logFile),
      runId,
      agencies,
      people: [],
    };
    for (const scenario of [sameDelivery, hotLeadsOneBroker, twilioFailures, redisDown, killMidLoad]) {
      const started = Date.now();
      try {
        const result = await scenario(ctx);
        results.push(result);
        console.log(
          `  ${result.figures.every((f) => f.ok) ? "✔" : "✖"} ${result.cenario} (${Math.round(result.ms / 1000)} s)`,
        );
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        results.push({
          cenario: scenario.name,
          figures: [{ medida: "o cenário terminou", esperado: "sim", obtido: `erro: ${message}`, ok: false }],
          ms: Date.now() - started,
        });
        console.log(`  ✖ ${scenario.name}: ${message}`);
      }
    }
  } finally {
    await ctx?.app.stop();
    await redis?.stop();
    await fake?.close();
    await handle?.close();
  }

  const people = [
    ...ctx!.people.map((l) => ({ phone: l.phone, email: l.email, name: l.name })),
    ...[...ctx!.agencies.values()].flatMap((a) => a.brokers.map((b) => ({ phone: b.telefone }))),
  ];
  const findings = scanLogs([logFile], people, [LEAD_SURNAME]);
  const byKind = (k: string) => findings.filter((f) => f.kind === k).length;
  results.push({
    cenario: "Logs do app (LGPD)",
    ms: 0,
    figures: [
      {
        medida: "linhas com telefone",
        esperado: "0",
        obtido: String(byKind("telefone")),
        ok: byKind("telefone") === 0,
      },
      { medida: "linhas com e-mail", esperado: "0", obtido: String(byKind("e-mail")), ok: byKind("e-mail") === 0 },
      { medida: "linhas com nome de lead", esperado: "0", obtido: String(byKind("nome")), ok: byKind("nome") === 0 },
    ],
  });
  for (const f of findings.slice(0, 10))
    console.log(`  ✖ ${f.kind} em ${path.relative(process.cwd(), f.file)}:${f.line}`);
  return printTable(results);
}
