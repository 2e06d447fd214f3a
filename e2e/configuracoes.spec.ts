// /configuracoes: an admin changes the agency's hot threshold and routing, a refused value is explained
// beside its field, the change is saved, decides the next lead and is listed on the audit page; a test
// lead sent from a portal card comes back with the webhook's answer. The settings are put back at the
// end: later specs share this database and expect the demo's roleta and thresholds.
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { accessibilityProblems } from "./support/axe";
import { DEMO_LOGINS, loginAs } from "./support/login";

const SCREENS = path.join("test-results", "screens");

// axe-core is injected as a script: the pages' Content-Security-Policy would refuse it.
test.use({ bypassCSP: true });

async function semRolagemLateral(page: Page, width: number) {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth, `rola para o lado a ${width} px`).toBeLessThanOrEqual(width);
  expect(await accessibilityProblems(page), `a ${width} px`).toEqual([]);
}

const form = (page: Page) => page.getByTestId("configuracoes-form");

async function salvar(page: Page, aviso: string) {
  await form(page).getByTestId("salvar").click();
  await expect(form(page).getByTestId("configuracoes-aviso")).toHaveText(aviso);
}

test("o administrador muda o limite de lead quente e a distribuição: salvo, vale para o próximo lead e aparece na auditoria", async ({
  page,
  request,
}) => {
  await loginAs(page, "admin");
  await page.getByRole("navigation", { name: "Painel" }).getByRole("link", { name: "Configurações" }).click();
  await expect(page).toHaveURL(/\/configuracoes$/);
  await expect(
    page.getByRole("navigation", { name: "Configurações" }).getByRole("link", { name: "Imobiliária" }),
  ).toHaveAttribute("aria-current", "page");

  const quente = form(page).getByLabel("Quente a partir de");
  const morno = form(page).getByLabel("Morno a partir de");
  await expect(quente).toHaveValue("70");

  // Morno above quente is refused beside the field, and what was typed stays.
  await quente.fill("60");
  await morno.fill("65");
  await salvar(page, "Corrija os campos indicados.");
  await expect(form(page).getByTestId("erro-scoreMorno")).toHaveText(
    "O limite de morno deve ser menor que o de quente.",
  );
  await expect(morno).toHaveAttribute("aria-invalid", "true");
  await expect(quente).toHaveValue("60");
  for (const [width, height] of [
    [1366, 800],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    await semRolagemLateral(page, width);
    await page.screenshot({ path: path.join(SCREENS, `configuracoes-erro-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1366, height: 800 });

  // Hot from 60, every new lead to one broker.
  await morno.fill("30");
  await form(page)
    .getByRole("radio", { name: /Corretor fixo/ })
    .check();
  const fixo = form(page).getByLabel("Corretor fixo", { exact: true });
  const opcao = fixo.locator("option").nth(1);
  const nomeFixo = (await opcao.textContent())!.trim();
  await fixo.selectOption({ label: nomeFixo });
  await salvar(page, "Configurações salvas.");

  await page.reload();
  await expect(quente).toHaveValue("60");
  await expect(morno).toHaveValue("30");
  await expect(form(page).getByRole("radio", { name: /Corretor fixo/ })).toBeChecked();

  // The next lead goes to that broker.
  const entrega = await request.post("/api/webhooks/portais/generico/horizonte", {
    headers: { authorization: "Bearer horizonte-api-demo-key" },
    data: {
      id: `e2e-config-${Date.now()}`,
      nome: "Renata Config",
      telefone: `+55 11 9${String(Date.now()).slice(-8)}`,
      mensagem: "Tenho interesse",
    },
  });
  expect(entrega.status(), await entrega.text()).toBe(201);
  const { leadId } = (await entrega.json()) as { leadId: string };
  await page.goto(`/leads/${leadId}`);
  await expect(page.getByTestId("lead-corretor")).toHaveText(nomeFixo);

  await page.goto("/configuracoes/auditoria");
  const linha = page.getByTestId("auditoria").first();
  await expect(linha.getByTestId("auditoria-oque")).toHaveText("Configurações da imobiliária alteradas");
  await expect(linha.getByTestId("auditoria-quem")).toHaveText(DEMO_LOGINS.admin.nome);
  await expect(linha).toContainText("quente a partir de: 70 → 60");
  await expect(linha).toContainText("distribuição: roleta → corretor fixo");

  // Back to the demo's settings for the specs after this one.
  await page.goto("/configuracoes");
  await quente.fill("70");
  await morno.fill("40");
  await form(page)
    .getByRole("radio", { name: /Roleta/ })
    .check();
  await salvar(page, "Configurações salvas.");
});

test("o administrador envia um lead de teste pelo Grupo OLX e vê a resposta do webhook no cartão", async ({ page }) => {
  await loginAs(page, "admin");
  await page.goto("/configuracoes/integracoes");
  const cartao = page.locator('[data-testid="integracao"][data-portal="grupo-olx"]');
  const antes = Number((await cartao.getByTestId("integracao-entregas").textContent())!.replace(/\D/g, ""));

  await cartao.getByRole("button", { name: "Enviar lead de teste" }).click();
  const resposta = cartao.getByTestId("lead-teste-resposta");
  await expect(resposta).toContainText("Resposta do webhook: 201");
  await expect(resposta).toContainText("marcado como teste: não vai para nenhum corretor");
  // The card's last 24 hours count the delivery.
  await expect(cartao.getByTestId("integracao-entregas")).toHaveText(String(antes + 1));
  for (const [width, height] of [
    [1366, 800],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    await semRolagemLateral(page, width);
    await cartao.screenshot({ path: path.join(SCREENS, `integracoes-lead-teste-${width}.png`) });
  }
  await page.setViewportSize({ width: 1366, height: 800 });

  await resposta.getByRole("link", { name: "Ver o lead de teste" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Lead de teste" })).toBeVisible();
  await expect(page.getByTestId("lead-corretor")).toHaveText("Sem corretor");
});

test("o administrador liga a redistribuição de lead sem resposta: salva, aparece na auditoria e volta a desligar", async ({
  page,
}) => {
  await loginAs(page, "admin");
  await page.goto("/configuracoes");
  const redistribuir = form(page).getByLabel("Redistribuir pela roleta o lead que seguir sem resposta");
  await expect(redistribuir).not.toBeChecked();
  await redistribuir.check();
  await salvar(page, "Configurações salvas.");
  await page.reload();
  await expect(redistribuir).toBeChecked();
  for (const [width, height] of [
    [1366, 800],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    await semRolagemLateral(page, width);
    await redistribuir.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENS, `configuracoes-sla-${width}.png`) });
  }
  await page.setViewportSize({ width: 1366, height: 800 });

  await page.goto("/configuracoes/auditoria");
  await expect(page.getByTestId("auditoria").first()).toContainText("redistribuir lead sem resposta: não → sim");

  // Off again, as the demo has it, for the specs after this one.
  await page.goto("/configuracoes");
  await redistribuir.uncheck();
  await salvar(page, "Configurações salvas.");
});
