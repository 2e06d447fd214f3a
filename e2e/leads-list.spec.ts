// /leads as people use it: a lead a portal just sent is at the top and found by its phone typed the
// way a person types it; filters narrow; pages go back and forth; the export is the manager's; and
// a phone at 390 px gets cards without sideways scrolling.
import { mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { loginAs } from "./support/login";
import { expectNoSidewaysScroll } from "./support/layout";

const SCREENS = "test-results/screens";
const rows = (page: Page) => page.getByTestId("lead");
const ids = (page: Page) => rows(page).evaluateAll((els) => els.map((el) => el.getAttribute("data-lead-id")));

// The viewport only: what a person sees without scrolling.
async function screenshot(page: Page, name: string, width: 1366 | 390) {
  mkdirSync(SCREENS, { recursive: true });
  await page.screenshot({ path: `${SCREENS}/${name}-${width}.png` });
}

test("um lead recém-chegado aparece no topo e é achado pelo telefone digitado como (11) 9xxxx-xxxx", async ({
  page,
  request,
}) => {
  const meio = String(Math.floor(1000 + Math.random() * 9000));
  const fim = String(Math.floor(1000 + Math.random() * 9000));
  const nome = `Paula Busca ${meio}${fim}`;
  const response = await request.post("/api/webhooks/portais/generico/horizonte", {
    headers: { authorization: "Bearer horizonte-api-demo-key" },
    data: { id: `e2e-lista-${Date.now()}`, nome, telefone: `11 9${meio}${fim}`, mensagem: "Quero agendar uma visita" },
  });
  expect(response.status(), await response.text()).toBe(201);
  const { leadId } = (await response.json()) as { leadId: string };

  await page.setViewportSize({ width: 1366, height: 800 });
  await loginAs(page, "gestor");
  await page.goto("/leads");
  await expect(rows(page).first()).toHaveAttribute("data-lead-id", leadId);
  await expect(rows(page).first()).toContainText(nome);
  await expect(rows(page)).toHaveCount(50);
  // Every column in view beside the sidebar: the table's own box does not scroll sideways.
  const tabela = page.getByRole("table", { name: "Leads" });
  expect(await tabela.evaluate((t) => t.parentElement!.scrollWidth <= t.parentElement!.clientWidth)).toBe(true);
  await screenshot(page, "leads", 1366);

  await page.getByTestId("filtro-busca").fill(`(11) 9${meio}-${fim}`);
  await page.getByRole("button", { name: "Filtrar" }).click();
  await expect(page).toHaveURL(/q=/);
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toHaveAttribute("data-lead-id", leadId);
  // The manager works the lead: the full number, readable.
  await expect(rows(page).first().getByTestId("lead-telefone")).toHaveText(`(11) 9${meio}-${fim}`);
  await expect(rows(page).first().getByRole("link", { name: nome })).toHaveAttribute("href", `/leads/${leadId}`);

  // The same number typed other ways.
  for (const typed of [`+55 11 9${meio}-${fim}`, `119${meio}${fim}`]) {
    await page.goto(`/leads?q=${encodeURIComponent(typed)}`);
    await expect(rows(page)).toHaveCount(1);
  }
});

test("os filtros estreitam a lista, e sem resultado há como limpar", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 800 });
  await loginAs(page, "gestor");

  await page.goto("/leads?quentes=1");
  await expect(rows(page).first()).toBeVisible();
  const faixas = await page.getByTestId("lead-score").evaluateAll((els) => els.map((el) => el.dataset.temperatura));
  expect(new Set(faixas)).toEqual(new Set(["quente"]));

  await page.goto("/leads");
  await page.getByText("Mais filtros").click();
  await page.getByTestId("filtro-status").selectOption({ label: "Perdido" });
  await page.getByTestId("filtro-corretor").selectOption({ label: "Rodrigo Tavares Lima" });
  await page.getByRole("button", { name: "Filtrar" }).click();
  await expect(page).toHaveURL(/status=perdido/);
  await expect(rows(page).first()).toBeVisible();
  for (const text of await rows(page).allInnerTexts()) {
    expect(text).toContain("Perdido");
    expect(text).toContain("Rodrigo Tavares Lima");
  }
  await screenshot(page, "leads-filtrado", 1366);

  await page.goto("/leads?q=ninguem-se-chama-assim&status=nada");
  await expect(page.getByText("Nenhum lead com esses filtros.")).toBeVisible();
  await page.getByRole("link", { name: "Limpar filtros" }).first().click();
  await expect(page).toHaveURL(/\/leads$/);
  await expect(rows(page)).toHaveCount(50);
});

test("as páginas vão e voltam sem repetir nem pular leads", async ({ page }) => {
  await loginAs(page, "gestor");
  await page.goto("/leads");
  const primeira = await ids(page);
  await page.getByTestId("leads-mais-antigos").click();
  await expect(page).toHaveURL(/apos=/);
  await expect(rows(page).first()).not.toHaveAttribute("data-lead-id", primeira[0]!);
  const segunda = await ids(page);
  expect(segunda).toHaveLength(50);
  expect(segunda.filter((id) => primeira.includes(id))).toEqual([]);
  await page.getByTestId("leads-mais-recentes").click();
  await expect(page).toHaveURL(/antes=/);
  await expect(rows(page).first()).toHaveAttribute("data-lead-id", primeira[0]!);
  expect(await ids(page)).toEqual(primeira);
});

test("só gestor e administrador exportam; o CSV abre no Excel em português", async ({ page, browser }) => {
  await loginAs(page, "gestor");
  const csv = await page.request.get("/api/leads/export?quentes=1");
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  const body = await csv.body();
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(body.toString("utf8").slice(1)).toMatch(
    /^Nome;Telefone;E-mail;Portal;Score;Situação;Corretor;Recebido em;ID\r\n/,
  );
  await page.goto("/leads");
  await expect(page.getByTestId("leads-exportar")).toBeVisible();

  const corretor = await browser.newPage();
  await loginAs(corretor, "corretor");
  const negado = await corretor.request.get("/api/leads/export");
  expect(negado.status()).toBe(403);
  expect(((await negado.json()) as { error: { code: string } }).error.code).toBe("forbidden");
  await corretor.goto("/leads");
  await expect(corretor.getByTestId("leads-exportar")).toHaveCount(0);
  await corretor.close();
});

test("no celular (390 px) a lista vira cartões, sem rolagem lateral", async ({ page, browser }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await loginAs(page, "corretor");
  await page.goto("/leads");
  const cards = page.getByTestId("lead-card");
  await expect(cards.first()).toBeVisible();
  await expect(page.getByRole("table")).toBeHidden();
  await expectNoSidewaysScroll(page, 390);
  await screenshot(page, "leads", 390);

  const gestor = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await loginAs(gestor, "gestor");
  await gestor.goto("/leads?semContato=1");
  await expect(gestor.getByTestId("lead-card").first()).toBeVisible();
  await expectNoSidewaysScroll(gestor, 390);
  await screenshot(gestor, "leads-gestor-sem-contato", 390);
  await gestor.close();
});
