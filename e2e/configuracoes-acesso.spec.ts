// "A gestor cannot open /configuracoes", for every page under it: the pages are read from the admin's
// own Configurações menu and tab bar, so a tab added later is covered without touching this spec.
// Each answers a gestor and a corretor with "Sem permissão" (403) and none of the admin's content.
import { expect, test } from "@playwright/test";
import { loginAs } from "./support/login";

test("gestor e corretor recebem “Sem permissão” em todas as páginas de Configurações", async ({ browser }) => {
  // Three logins and every settings page twice, often the run's first pages on a cold server: 30 s
  // was not enough once on a loaded CI machine.
  test.setTimeout(90_000);
  const admin = await browser.newPage();
  await loginAs(admin, "admin");
  await admin.getByRole("navigation", { name: "Painel" }).getByRole("link", { name: "Configurações" }).click();
  const abas = admin.getByRole("navigation", { name: "Configurações" }).getByRole("link");
  await expect(abas.first()).toBeVisible();
  const paginas = [
    ...new Set([
      new URL(admin.url()).pathname,
      ...(await abas.evaluateAll((as) => as.map((a) => a.getAttribute("href")!))),
    ]),
  ];
  expect(paginas.length, paginas.join(", ")).toBeGreaterThanOrEqual(2);
  await admin.close();

  for (const papel of ["gestor", "corretor"] as const) {
    const page = await browser.newPage();
    await loginAs(page, papel);
    for (const url of paginas) {
      const resposta = await page.goto(url);
      expect(resposta?.status(), `${papel} em ${url}`).toBe(403);
      await expect(page.getByRole("heading", { level: 1, name: "Sem permissão" })).toBeVisible();
      await expect(page.getByRole("navigation", { name: "Configurações" })).toHaveCount(0);
    }
    await page.close();
  }
});
