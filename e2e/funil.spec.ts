// /funil as brokers and managers use it: a lead moved to "Visita agendada" by its menu lands in that
// column and on the lead page's timeline; a drag moves a card (and a drop on Perdido asks why); without
// JavaScript the menu opens the lead page's move form; a manager narrows to one broker; a phone at 390 px has no sideways
// scrolling.
import { mkdirSync } from "node:fs";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { loginAs } from "./support/login";
import { expectNoSidewaysScroll } from "./support/layout";

const SCREENS = "test-results/screens";
const coluna = (page: Page, status: string) => page.locator(`[data-testid="funil-coluna"][data-status="${status}"]`);
const cartao = (page: Page, id: string) => page.locator(`[data-testid="funil-cartao"][data-lead-id="${id}"]`);
const total = async (page: Page, status: string) =>
  Number(await coluna(page, status).getByTestId("funil-coluna-total").textContent());

/** A card of the login's still being worked (Novo or Em contato), and its id. */
async function umCartaoAberto(page: Page): Promise<{ card: Locator; id: string }> {
  const card = page
    .locator('[data-testid="funil-cartao"][data-status="novo"], [data-testid="funil-cartao"][data-status="em_contato"]')
    .first();
  await expect(card).toBeVisible();
  return { card, id: (await card.getAttribute("data-lead-id"))! };
}

test("o corretor move um lead para visita agendada pelo menu e ele aparece na coluna e no histórico", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 800 });
  await loginAs(page, "corretor");
  await page.goto("/funil");
  await expect(page.getByRole("link", { name: "Funil" })).toHaveAttribute("aria-current", "page");
  await expect(coluna(page, "novo")).toBeVisible();
  const statuses = await page.getByTestId("funil-coluna").evaluateAll((els) => els.map((e) => e.dataset.status));
  expect(statuses).toEqual([
    "novo",
    "em_contato",
    "visita_agendada",
    "visita_realizada",
    "proposta",
    "fechado",
    "perdido",
  ]);
  mkdirSync(SCREENS, { recursive: true });
  await page.screenshot({ path: `${SCREENS}/funil-1366.png`, fullPage: true });

  const { card, id } = await umCartaoAberto(page);
  const antes = await total(page, "visita_agendada");
  await card.getByTestId("funil-mover-menu").click();
  await card.getByLabel("Etapa").selectOption({ label: "Visita agendada" });
  await card.getByLabel("Data e hora da visita").fill("2030-12-12T10:00");
  await card.getByTestId("funil-mover-confirmar").click();

  await expect(page.getByTestId("funil-aviso")).toHaveText("Status alterado para “Visita agendada”.");
  await expect(coluna(page, "visita_agendada").locator(`[data-lead-id="${id}"]`)).toBeVisible();
  await expect(cartao(page, id)).toHaveCount(1);
  expect(await total(page, "visita_agendada")).toBe(antes + 1);

  await cartao(page, id).getByRole("link").first().click();
  await expect(page).toHaveURL(new RegExp(`/leads/${id}$`));
  const primeiro = page.getByTestId("timeline-item").first();
  await expect(primeiro).toHaveAttribute("data-tipo", "mudanca_status");
  await expect(primeiro).toContainText("Visita agendada");
  await expect(primeiro).toContainText("visita marcada para 12/12/2030 10:00");
});

/** A person's drag: press on the card, move a little (the browser starts the drag), move onto the column, release. */
async function arrastar(page: Page, card: Locator, destino: Locator) {
  const de = (await card.boundingBox())!;
  const para = (await destino.boundingBox())!;
  await page.mouse.move(de.x + 20, de.y + de.height / 2);
  await page.mouse.down();
  await page.mouse.move(de.x + 40, de.y + de.height / 2 + 10, { steps: 5 });
  await page.mouse.move(para.x + para.width / 2, para.y + 60, { steps: 10 });
  await page.mouse.up();
}

test("arrastar move o cartão; o menu funciona pelo teclado; soltar em Perdido pede o motivo", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 800 });
  await loginAs(page, "corretor");
  await page.goto("/funil");
  await page.waitForLoadState("networkidle");

  const card = page.locator('[data-testid="funil-cartao"][data-status="novo"]').first();
  const id = (await card.getAttribute("data-lead-id"))!;
  await arrastar(page, card, coluna(page, "em_contato"));
  await expect(coluna(page, "em_contato").locator(`[data-lead-id="${id}"]`)).toBeVisible();
  await expect(page.getByTestId("funil-aviso")).toHaveText("Status alterado para “Em contato”.");
  await page.reload();
  await expect(coluna(page, "em_contato").locator(`[data-lead-id="${id}"]`)).toBeVisible();

  // By keyboard alone: open the card's menu, pick the step, confirm.
  const movido = cartao(page, id);
  await movido.getByTestId("funil-mover-menu").focus();
  await page.keyboard.press("Enter");
  await movido.getByLabel("Etapa").focus();
  await movido.getByLabel("Etapa").selectOption("proposta");
  await movido.getByTestId("funil-mover-confirmar").focus();
  await page.keyboard.press("Enter");
  await expect(coluna(page, "proposta").locator(`[data-lead-id="${id}"]`)).toBeVisible();

  // Lost needs a reason: the drop asks for it, and cancelling leaves the card where it was.
  await page.getByTestId("funil-quadro").evaluate((b) => (b.scrollLeft = b.scrollWidth));
  const naProposta = coluna(page, "proposta").locator(`[data-lead-id="${id}"]`);
  await arrastar(page, naProposta, coluna(page, "perdido"));
  const dialogo = page.getByTestId("funil-dialogo");
  await expect(dialogo).toBeVisible();
  await dialogo.getByRole("button", { name: "Cancelar" }).click();
  await expect(dialogo).toHaveCount(0);
  await expect(naProposta).toBeVisible();

  await arrastar(page, naProposta, coluna(page, "perdido"));
  await dialogo.getByLabel(/Motivo da perda/).fill("Comprou com outra imobiliária.");
  await dialogo.getByRole("button", { name: "Marcar como perdido" }).click();
  await expect(coluna(page, "perdido").locator(`[data-lead-id="${id}"]`)).toBeVisible();
  await expect(page.getByTestId("funil-aviso")).toHaveText("Status alterado para “Perdido”.");
});

test("sem JavaScript, o menu de cada cartão leva ao formulário do lead, que move o lead", async ({ browser }) => {
  const comJs = await browser.newContext({ viewport: { width: 1366, height: 800 } });
  const login = await comJs.newPage();
  await loginAs(login, "corretor");
  const storageState = await comJs.storageState();
  await comJs.close();

  const semJs = await browser.newContext({
    javaScriptEnabled: false,
    storageState,
    viewport: { width: 1366, height: 800 },
  });
  const page = await semJs.newPage();
  await page.goto("/funil");
  const { card, id } = await umCartaoAberto(page);
  // Without JavaScript the card's menu is a link to the lead page's own move form.
  await card.getByTestId("funil-mover-menu").click();
  await expect(page).toHaveURL(new RegExp(`/leads/${id}#mover$`));
  await page.getByLabel("Mover para").selectOption({ label: "Fechado" });
  await page.getByTestId("mover-confirmar").click();
  await page.goto("/funil");
  await expect(coluna(page, "fechado").locator(`[data-lead-id="${id}"]`)).toBeVisible();
  await semJs.close();
});

test("o gestor filtra por corretor; no celular (390 px) nada rola para o lado", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 800 });
  await loginAs(page, "gestor");
  await page.goto("/funil");
  const corretor = page.getByLabel("Corretor");
  const nome = (await corretor.locator("option").nth(1).textContent())!.trim();
  await corretor.selectOption({ label: nome });
  await page.getByRole("button", { name: "Filtrar" }).click();
  await expect(page).toHaveURL(/corretor=/);
  const nomes = await page
    .getByTestId("funil-cartao")
    .evaluateAll((els) => els.map((e) => e.querySelector("p")?.textContent ?? ""));
  expect(nomes.length).toBeGreaterThan(0);
  for (const n of nomes) expect(n).toContain(nome);
  // "Ver todos" opens the lead list of that column, still narrowed to the broker.
  const verTodos = coluna(page, "novo").getByTestId("funil-ver-todos");
  await expect(verTodos).toHaveAttribute("href", /^\/leads\?status=novo&corretor=/);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/funil");
  await expect(coluna(page, "novo")).toBeVisible();
  await expectNoSidewaysScroll(page, 390);
  // One full-width column at a time; the stage links jump to the others.
  const largura = (await coluna(page, "novo").boundingBox())!.width;
  expect(largura).toBeGreaterThan(300);
  await page
    .getByRole("navigation", { name: "Etapas do funil" })
    .getByRole("link", { name: /Perdido/ })
    .click();
  await expect(coluna(page, "perdido")).toBeInViewport();
  await expectNoSidewaysScroll(page, 390);
  await page.goto("/funil");
  await page.screenshot({ path: `${SCREENS}/funil-390.png`, fullPage: true });
  await page.screenshot({ path: `${SCREENS}/funil-390-tela.png` });
});
