import { expect, test } from "@playwright/test";

// The e2e server seeds a fresh database, so these are the demo seeder's exact numbers.
const DEMO = { corretores: 8, leads: 400, imoveis: 60 };

// The same switch lib/env applies: the suite runs embedded, or against the real services in CI.
const expectedDrivers = {
  db: process.env.DATABASE_URL ? "postgres" : "pglite",
  kv: process.env.REDIS_URL ? "redis" : "memory",
};

test("a página inicial mostra a instância funcionando com os números da demonstração", async ({ page }) => {
  await page.goto("/");

  await expect(page).toHaveTitle("Lastro");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Lastro está funcionando");
  await expect(page.getByTestId("agency-name")).toContainText("Imobiliária Horizonte");

  await expect(page.getByTestId("count-corretores")).toHaveText(String(DEMO.corretores));
  await expect(page.getByTestId("count-leads")).toHaveText(String(DEMO.leads));
  await expect(page.getByTestId("count-imoveis")).toHaveText(String(DEMO.imoveis));
  // The seeder gives every lead a `novo_lead` evento (plus returns, visit requests, SLA alerts...);
  // the exact totals depend on its generator, so only that floor is pinned here.
  const eventos = Number(await page.getByTestId("count-eventos").getAttribute("data-count"));
  expect(eventos).toBeGreaterThanOrEqual(DEMO.leads);
  const mensagens = Number(await page.getByTestId("count-mensagens").getAttribute("data-count"));
  expect(mensagens).toBeGreaterThan(0);

  await expect(page.getByTestId("db-driver")).toHaveAttribute("data-driver", expectedDrivers.db);
  await expect(page.getByTestId("kv-driver")).toHaveAttribute("data-driver", expectedDrivers.kv);
});

test("/api/health responde ok com os drivers ativos", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toContain("no-store");
  expect(await response.json()).toEqual({ ok: true, ...expectedDrivers });
});
