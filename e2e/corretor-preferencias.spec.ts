// A broker's settings page as a manager and a broker use it: the manager changes a broker's daily
// limit and hours and sees them on /corretores; the broker pauses themselves and cannot edit their limit.
// Each test puts the demo broker back as it was: later specs route leads to these brokers.
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { loginAs } from "./support/login";
import { expectNoSidewaysScroll } from "./support/layout";

const SCREENS = path.join("test-results", "screens");

async function salvar(page: Page, aviso: string): Promise<void> {
  await page.getByTestId("salvar").click();
  await expect(page.getByTestId("preferencias-aviso")).toHaveText(aviso);
}

test("o gestor muda o limite diário e o horário de um corretor e vê isso em /corretores", async ({ page }) => {
  await loginAs(page, "gestor");
  await page.goto("/corretores");
  const linha = page.getByTestId("corretor").last();
  const id = (await linha.getAttribute("data-corretor-id"))!;
  await linha.getByTestId("corretor-link").click();
  await expect(page).toHaveURL(new RegExp(`/corretores/${id}$`));

  const limite = page.getByLabel("Limite diário de mensagens");
  const inicio = page.getByLabel("Início", { exact: true });
  const fim = page.getByLabel("Fim", { exact: true });
  const original = {
    limite: await limite.inputValue(),
    inicio: await inicio.inputValue(),
    fim: await fim.inputValue(),
  };

  // Refused beside the field, in Portuguese, and nothing saved.
  await inicio.fill("18:00");
  await fim.fill("09:00");
  await salvar(page, "Corrija os campos indicados.");
  await expect(page.getByTestId("erro-fim")).toHaveText("O fim do expediente deve ser depois do início.");
  await expect(fim).toHaveValue("09:00"); // what was typed stays, to be corrected

  await page.getByLabel("Limite diário de mensagens").fill("7");
  await page.getByLabel("Início", { exact: true }).fill("09:00");
  await page.getByLabel("Fim", { exact: true }).fill("18:00");
  await salvar(page, "Preferências salvas.");

  for (const [width, height] of [
    [1366, 1300],
    [390, 844],
  ] as const) {
    // Tall enough at 1366 that the whole form fits: a full-page shot would paint the sticky header mid-page.
    await page.setViewportSize({ width, height });
    await page.reload();
    await expect(page.getByTestId("preferencias-form")).toBeVisible();
    await expectNoSidewaysScroll(page, width);
    await page.screenshot({ path: path.join(SCREENS, `corretor-${width}.png`), fullPage: width < 800 });
  }
  await page.setViewportSize({ width: 1366, height: 800 });

  await page.goto("/corretores");
  const depois = page.locator(`[data-corretor-id="${id}"]`);
  await expect(depois).toContainText("7 mensagens");
  await expect(depois).toContainText("09:00–18:00");

  await page.goto(`/corretores/${id}`);
  await page.getByLabel("Limite diário de mensagens").fill(original.limite);
  await page.getByLabel("Início", { exact: true }).fill(original.inicio);
  await page.getByLabel("Fim", { exact: true }).fill(original.fim);
  await salvar(page, "Preferências salvas.");
});

test("o corretor pausa a si mesmo e vê o limite diário só para leitura", async ({ page }) => {
  await loginAs(page, "corretor");
  await page.getByRole("link", { name: "Minhas preferências" }).click();
  await expect(page.getByRole("heading", { name: "Minhas preferências" })).toBeVisible();
  await expect(page.getByTestId("limite-somente-leitura")).toContainText("definido pela gestão");
  await expect(page.locator('input[name="limiteDiario"]')).toHaveCount(0);
  await expect(page.locator('input[name="ativo"]')).toHaveCount(0);
  await expect(page.locator('input[name="pesoRoleta"]')).toHaveCount(0);

  await page.getByLabel("Pausar por 1 semana").check();
  await salvar(page, "Preferências salvas.");
  await expect(page.getByTestId("pausa-atual")).toContainText(/Pausado até \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
  await page.setViewportSize({ width: 1366, height: 1200 });
  await page.screenshot({ path: path.join(SCREENS, "corretor-proprio-1366.png") });

  await page.getByLabel("Sem pausa").check();
  await salvar(page, "Preferências salvas.");
  await expect(page.getByTestId("pausa-atual")).toHaveText("Sem pausa agora.");

  // The team page and any other broker's page are not theirs.
  await page.goto("/corretores/cor_de_outra_pessoa");
  await expect(page.getByTestId("nao-encontrado")).toBeVisible();
});
