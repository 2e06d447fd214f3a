// /metricas draws its charts for 7 and 90 days, as a manager (with the broker ranking) and as a
// broker (their own figures, no ranking); the figures in words match the tables beside the charts.
import { expect, test, type Page } from "@playwright/test";
import { loginAs } from "./support/login";

const GRAFICOS = ["grafico-leads-dia", "grafico-resposta", "grafico-funil", "grafico-portais", "grafico-mensagens"];

async function expectCharts(page: Page) {
  for (const id of GRAFICOS) {
    await expect(page.getByTestId(id).locator("[data-grafico] svg").first(), id).toBeVisible();
  }
}

for (const periodo of ["7", "90"] as const) {
  test(`o gestor vê os gráficos de ${periodo} dias e o ranking dos corretores`, async ({ page }) => {
    await loginAs(page, "gestor");
    await expect(page.getByRole("link", { name: "Métricas" })).toHaveAttribute("href", "/metricas");
    await page.goto("/metricas");
    await expect(page.getByRole("heading", { level: 1, name: "Métricas" })).toBeVisible();
    await page.getByLabel("Período").selectOption(periodo);
    await page.getByRole("button", { name: "Aplicar" }).click();
    await expect(page).toHaveURL(new RegExp(`periodo=${periodo}`));
    await expect(page.getByTestId("metricas")).toContainText(`(${periodo} dias)`);
    await expectCharts(page);
    // The leads chart's table has one row per day of the period.
    await expect(page.getByTestId("grafico-leads-dia").locator("tbody tr")).toHaveCount(Number(periodo));
    await expect(page.getByTestId("metricas-ranking").locator("tr").first()).toBeVisible();
  });

  test(`o corretor vê os próprios gráficos de ${periodo} dias, sem ranking`, async ({ page }) => {
    await loginAs(page, "corretor");
    await page.goto(`/metricas?periodo=${periodo}`);
    await expect(page.getByRole("heading", { level: 1, name: "Minhas métricas" })).toBeVisible();
    await expectCharts(page);
    await expect(page.getByTestId("metricas-ranking")).toHaveCount(0);
    await expect(page.getByTestId("filtro-corretor")).toHaveCount(0);
  });
}

test("a página de um corretor mostra os números da linha dele no ranking dos últimos 30 dias", async ({ page }) => {
  await loginAs(page, "gestor");
  await page.goto("/metricas?periodo=30");
  const linha = page.getByTestId("metricas-ranking").locator("tr").first();
  const celulas = await linha.locator("td").allInnerTexts();
  const [nome, leads, parte, roleta, mediana] = celulas.map((c) => c.trim());

  await page.goto("/corretores");
  await page.getByTestId("corretor-link").filter({ hasText: nome! }).click();
  const numeros = page.getByTestId("corretor-numeros");
  await expect(numeros).toContainText("Números dos últimos 30 dias");
  for (const [rotulo, valor] of [
    ["Leads recebidos", leads],
    ["Parte dos leads da imobiliária", parte],
    ["Parte dos leads da roleta", roleta],
    ["1ª resposta (mediana)", mediana],
  ] as const) {
    await expect(numeros.locator("div", { has: page.getByText(rotulo, { exact: true }) }).locator("dd")).toHaveText(
      valor!,
    );
  }
  await numeros.getByRole("link", { name: "Ver gráficos em Métricas" }).click();
  await expect(page.getByTestId("filtro-corretor")).not.toHaveValue("");
});
