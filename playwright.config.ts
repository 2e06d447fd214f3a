import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumPath } from "./scripts/lib/chromium";

// E2E_PORT: a second checkout can run its suite beside another one (the default server is on 3100).
const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${PORT}`;
const isCi = ["true", "1"].includes((process.env.CI ?? "").toLowerCase());

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  // One shared server and database: specs that post leads must not race the ones that count them.
  fullyParallel: false,
  workers: 1,
  forbidOnly: isCi,
  retries: 0,
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  use: {
    baseURL,
    locale: "pt-BR",
    timezoneId: "America/Sao_Paulo",
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium", viewport: { width: 1280, height: 800 } } }],
  // e2e-server prepares a fresh database, then runs the same path as `npm start`
  // (next build when needed, then next start): the first build alone takes 30–60 s.
  webServer: {
    command: "node_modules/.bin/tsx scripts/e2e-server.ts",
    url: `${baseURL}/api/health`,
    // A second agency (e2e/support/segunda-imobiliaria.ts) for the specs that must not touch the demo's secrets.
    env: { PORT: String(PORT), E2E_SEGUNDA_IMOBILIARIA: "1" },
    reuseExistingServer: false,
    timeout: 240_000,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
  },
});
