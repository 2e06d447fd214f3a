// Playwright's webServer: a FRESH, known database (so the seeded counts are exact), then the same
// start path as `npm start` (migrate, seed, `next build` if needed, serve with scripts/web-server.mjs) on port 3100.
// Playwright's config also asks (E2E_SEGUNDA_IMOBILIARIA=1) for a second agency beside the demo; the benchmarks do not.
import { rm } from "node:fs/promises";
import path from "node:path";
import { formatError } from "./lib/format-error";
import { isPlainDatabaseName, recreateDatabase } from "./lib/fresh-database";
import { loadProjectEnv } from "./lib/load-env";

// The benchmark starts its servers through this script too, each on a database of its own.
const DATABASE_NAME = process.env.LASTRO_SERVER_DATABASE || "lastro_e2e";

// Set to "" (lib/env reads empty as unset) so neither the caller's shell nor a .env file can point
// the e2e server at real Twilio, OpenAI, Inngest or another KV: only DATABASE_URL/REDIS_URL switch.
const HERMETIC_BLANKS = [
  "DATABASE_DRIVER",
  "KV_REST_API_URL",
  "KV_REST_API_TOKEN",
  "TWILIO_ACCOUNT_SID",
  "TWILIO_AUTH_TOKEN",
  "TWILIO_WHATSAPP_FROM",
  "OPENAI_API_KEY",
  "INNGEST_EVENT_KEY",
  "INNGEST_SIGNING_KEY",
  "INNGEST_DEV",
] as const;

async function main(): Promise<void> {
  if (!isPlainDatabaseName(DATABASE_NAME)) {
    throw new Error(`LASTRO_SERVER_DATABASE inválido: ${DATABASE_NAME} (use letras minúsculas, números e _)`);
  }
  const port = process.env.PORT ?? "3100";
  const dataDir = path.resolve(".data", DATABASE_NAME === "lastro_e2e" ? "e2e" : DATABASE_NAME);
  await rm(dataDir, { recursive: true, force: true });

  const databaseUrl = process.env.DATABASE_URL ? await recreateDatabase(process.env.DATABASE_URL, DATABASE_NAME) : "";
  for (const name of HERMETIC_BLANKS) process.env[name] = "";
  Object.assign(process.env, {
    PORT: port,
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    REDIS_URL: process.env.REDIS_URL ?? "",
    PUBLIC_BASE_URL: `http://localhost:${port}`,
    // The specs and benchmarks log in with the demo's accounts, on PGlite and on Postgres alike.
    DEMO: "true",
    NEXT_TELEMETRY_DISABLED: "1",
  });
  // Playwright or Vitest may have set NODE_ENV=test; next build and next start set their own.
  Reflect.deleteProperty(process.env, "NODE_ENV");
  console.log(
    `▸ e2e: banco novo (${databaseUrl ? `postgres ${DATABASE_NAME}` : `PGlite em ${dataDir}`}), porta ${port}.`,
  );

  loadProjectEnv({ dev: false });
  if (process.env.E2E_SEGUNDA_IMOBILIARIA === "1") {
    // The demo first (it seeds only an empty database), then the second agency; serveApp's own
    // prepare step then finds both and only checks the migrations.
    const { prepareDatabase } = await import("./lib/prepare-database");
    const { seedSegundaImobiliaria } = await import("./lib/seed-segunda-imobiliaria");
    await prepareDatabase();
    await seedSegundaImobiliaria();
  }
  const { serveApp } = await import("./lib/serve-app");
  process.exitCode = await serveApp();
}

main().catch((err: unknown) => {
  console.error(`\n✖ O servidor de e2e não conseguiu iniciar: ${formatError(err)}`);
  process.exitCode = 1;
});
