// First run of a real agency, as the README tells it: on an EMPTY Postgres, `npm run setup` (flags, as
// a script would) creates the agency and its first admin and prints the portal webhook URLs; then the
// `npm start` path (scripts/start.ts) on that database creates no demo (no DEMO), and the new admin logs
// in to an empty agency whose integrations page lists those URLs. One extra server start on the build
// the e2e server already made; it never builds (a build would rewrite .next under the running server).
// Postgres only: the embedded stage has no DATABASE_URL (there `npm start` seeds the demo on purpose);
// CI's services stage sets DATABASE_URL, and this spec creates a database of its own on that server.
import { spawn, type ChildProcess } from "node:child_process";
import { rm } from "node:fs/promises";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { Client } from "pg";
import { accessibilityProblems } from "./support/axe";
import { expectNoSidewaysScroll } from "./support/layout";
import { DEMO_LOGINS, fillLogin } from "./support/login";

const SERVER_URL = process.env.DATABASE_URL;
const DATABASE = process.env.LASTRO_SETUP_DATABASE || "lastro_e2e_setup";
const PORT = Number(process.env.E2E_SETUP_PORT ?? Number(process.env.E2E_PORT ?? 3100) + 1);
const BASE = `http://localhost:${PORT}`;
const DATA_DIR = path.resolve(".data", DATABASE);
const TSX = path.join("node_modules", ".bin", "tsx");
const SCREENS = path.join("test-results", "screens");

const AGENCIA = { nome: "Imobiliária Primeira Casa", slug: "primeira-casa" };
const ADMIN = { nome: "Otávio Primeiro", email: "otavio@primeiracasa.test", senha: "Primeira#2026" };

test.skip(
  !SERVER_URL,
  "sem DATABASE_URL: o primeiro uso de uma imobiliária real é em Postgres (etapa de serviços do CI)",
);
test.skip(!/^[a-z_][a-z0-9_]{0,62}$/.test(DATABASE), `LASTRO_SETUP_DATABASE inválido: ${DATABASE}`);

async function onServer(sql: string): Promise<void> {
  const admin = new URL(SERVER_URL!);
  admin.pathname = "/postgres";
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** The env of `npm run setup` and `npm start` here: this database and data folder, nothing real switched on. */
function appEnv(): NodeJS.ProcessEnv {
  const url = new URL(SERVER_URL!);
  url.pathname = `/${DATABASE}`;
  const env: NodeJS.ProcessEnv = { ...process.env };
  // "" reads as unset in lib/env, so neither the shell nor a .env file switches anything real on.
  for (const name of [
    "DEMO",
    "DATABASE_DRIVER",
    "REDIS_URL",
    "KV_REST_API_URL",
    "KV_REST_API_TOKEN",
    "TWILIO_ACCOUNT_SID",
    "TWILIO_AUTH_TOKEN",
    "TWILIO_WHATSAPP_FROM",
    "OPENAI_API_KEY",
    "INNGEST_EVENT_KEY",
    "INNGEST_SIGNING_KEY",
    "INNGEST_DEV",
    "WEB_CONCURRENCY",
    "PIPELINE_MODE",
  ])
    env[name] = "";
  Object.assign(env, {
    DATABASE_URL: url.toString(),
    DATA_DIR,
    PORT: String(PORT),
    PUBLIC_BASE_URL: BASE,
    NEXT_TELEMETRY_DISABLED: "1",
  });
  Reflect.deleteProperty(env, "NODE_ENV"); // Playwright's "test"; next start sets its own
  return env;
}

function run(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, args, { env: appEnv(), stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, output }));
  });
}

// axe-core is injected as a script: the pages' Content-Security-Policy would refuse it.
test.use({ bypassCSP: true });

/** An empty agency's page at a desk and on a phone: no sideways scroll, no WCAG 2 A/AA problem, a screenshot. */
async function shoot(page: Page, nome: string, ready: () => Promise<void>): Promise<void> {
  for (const [width, height] of [
    [1366, 800],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.reload();
    await ready();
    await expectNoSidewaysScroll(page, width);
    expect(await accessibilityProblems(page), `${nome} a ${width} px`).toEqual([]);
    await page.screenshot({ path: path.join(SCREENS, `primeira-execucao-${nome}-${width}.png`), fullPage: true });
  }
}

let server: ChildProcess | undefined;
let serverOutput = "";

/** `npm start`'s path; fails at once if it would build instead of reusing the e2e server's build. */
async function start(): Promise<void> {
  // Another server on the port would answer the health check in place of this one.
  const ocupada = await fetch(`${BASE}/api/health`).then(
    () => true,
    () => false,
  );
  expect(ocupada, `a porta ${PORT} já está em uso: pare o outro servidor ou escolha E2E_SETUP_PORT`).toBe(false);
  server = spawn(TSX, ["scripts/start.ts"], { env: appEnv(), stdio: ["ignore", "pipe", "pipe"], detached: true });
  server.stdout!.on("data", (d: Buffer) => (serverOutput += d.toString()));
  server.stderr!.on("data", (d: Buffer) => (serverOutput += d.toString()));
  await expect(async () => {
    expect(serverOutput, "o npm start quis compilar de novo").not.toContain("Compilando a aplicação");
    expect(server!.exitCode, `o npm start terminou:\n${serverOutput}`).toBeNull();
    const health = await fetch(`${BASE}/api/health`).catch(() => null);
    expect(health?.status).toBe(200);
  }).toPass({ timeout: 90_000, intervals: [500, 1_000] });
}

test.beforeAll(async () => {
  await rm(DATA_DIR, { recursive: true, force: true });
  await onServer(`drop database if exists ${DATABASE} with (force)`);
  await onServer(`create database ${DATABASE}`);
});

test.afterAll(async () => {
  if (server?.pid && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once("exit", resolve));
    process.kill(-server.pid, "SIGTERM"); // the start script and the web process it runs
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  }
  if (SERVER_URL) await onServer(`drop database if exists ${DATABASE} with (force)`);
  await rm(DATA_DIR, { recursive: true, force: true });
});

test("npm run setup num Postgres vazio: o novo administrador entra numa imobiliária vazia e vê as URLs dos webhooks", async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  const setup = await run([
    "scripts/setup.ts",
    "--imobiliaria",
    AGENCIA.nome,
    "--slug",
    AGENCIA.slug,
    "--admin-nome",
    ADMIN.nome,
    "--admin-email",
    ADMIN.email,
    "--admin-senha",
    ADMIN.senha,
    "--portais",
    "grupo-olx,generico",
  ]);
  expect(setup.code, setup.output).toBe(0);
  const urlOlx = `${BASE}/api/webhooks/portais/grupo-olx/${AGENCIA.slug}`;
  const urlGenerico = `${BASE}/api/webhooks/portais/generico/${AGENCIA.slug}`;
  expect(setup.output).toContain(`Imobiliária criada: ${AGENCIA.nome}`);
  expect(setup.output).toContain(urlOlx);
  expect(setup.output).toContain(urlGenerico);
  const segredoGenerico = /generico\s+\S+\s+segredo (\S+)/.exec(setup.output)?.[1];
  expect(segredoGenerico, setup.output).toBeTruthy();

  await start();
  expect(serverOutput).toContain("next build não é necessário");
  expect(serverOutput).not.toContain("Dados de demonstração criados");

  // No demo on a real database: its documented logins do not exist here.
  await fillLogin(page, DEMO_LOGINS.admin.email, DEMO_LOGINS.admin.senha, BASE);
  await expect(page).toHaveURL(/\/login/);

  await fillLogin(page, ADMIN.email, ADMIN.senha, BASE);
  await expect(page).toHaveURL(/\/visao-geral$/);
  await expect(page.getByText(ADMIN.nome).first()).toBeVisible();
  await shoot(page, "visao-geral", () => expect(page.getByRole("heading", { level: 1, name: /^Olá/ })).toBeVisible());
  await page.goto(`${BASE}/leads`);
  await shoot(page, "leads", () => expect(page.getByText("Nenhum lead ainda.")).toBeVisible());
  await expect(page.getByTestId("lead")).toHaveCount(0);

  await page.goto(`${BASE}/configuracoes/integracoes`);
  await shoot(page, "integracoes", () => expect(page.getByTestId("integracao")).toHaveCount(2));
  await expect(page.locator('[data-portal="grupo-olx"]').getByTestId("integracao-url")).toHaveText(urlOlx);
  await expect(page.locator('[data-portal="generico"]').getByTestId("integracao-url")).toHaveText(urlGenerico);

  // The printed secret is the one the webhook takes.
  const lead = await request.post(urlGenerico, {
    headers: { authorization: `Bearer ${segredoGenerico}` },
    data: { id: "primeiro-lead", nome: "Primeiro Cliente", telefone: "(11) 91234-0000", mensagem: "Olá" },
  });
  expect(lead.status(), await lead.text()).toBe(201);
  await page.goto(`${BASE}/leads`);
  await expect(page.getByTestId("lead")).toHaveCount(1);
});
