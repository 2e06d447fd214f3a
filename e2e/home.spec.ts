import { expect, test } from "@playwright/test";
import { expectNoSidewaysScroll } from "./support/layout";

// The same switch lib/env applies: the suite runs embedded, or against the real services in CI.
const expectedDrivers = {
  db: process.env.DATABASE_URL ? "postgres" : "pglite",
  kv: process.env.REDIS_URL ? "redis" : "memory",
};

for (const width of [1366, 390]) {
  test(`a página inicial apresenta o produto e o caminho para entrar, sem dados de nenhuma imobiliária (${width} px)`, async ({
    page,
  }, testInfo) => {
    await page.setViewportSize({ width, height: width > 800 ? 900 : 844 });
    await page.goto("/");

    await expect(page.getByRole("heading", { level: 1 })).toContainText("corretor certo");
    const entrar = page.getByRole("link", { name: "Entrar", exact: true });
    await expect(entrar).toBeVisible();
    await expect(entrar).toHaveAttribute("href", "/login");

    // Who the customers are, how many leads they got and what the server runs on are not public.
    const text = await page.locator("body").innerText();
    for (const secret of ["Horizonte", "Imobiliária:", "PGlite", "Redis", "Infraestrutura", "Em memória"])
      expect(text).not.toContain(secret);
    await expect(page.locator("[data-testid^='count-']")).toHaveCount(0);
    // Nothing wider than the screen on a phone.
    await expectNoSidewaysScroll(page, width);

    await testInfo.attach(`inicio-${width}`, {
      body: await page.screenshot({ fullPage: true }),
      contentType: "image/png",
    });
    await page.screenshot({ path: testInfo.outputPath(`inicio-${width}.png`), fullPage: true });

    await entrar.click();
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByRole("heading", { name: "Entrar no painel" })).toBeVisible();
  });
}

test("/api/health responde ok com os drivers ativos", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toContain("no-store");
  expect(await response.json()).toEqual({ ok: true, ...expectedDrivers });
});

test("/api/health/ready diz o que está configurado e como está o pipeline", async ({ request }) => {
  const response = await request.get("/api/health/ready");
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { ok: boolean; whatsapp: string; pipeline: { pendentes: number } };
  expect(body).toMatchObject({ ok: true, ...expectedDrivers, whatsapp: "caixa_de_saida" });
  expect(body.pipeline.pendentes).toBeGreaterThanOrEqual(0);
});
