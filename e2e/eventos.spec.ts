// /eventos as a manager uses it: a lead a portal just sent shows its novo_lead event at the top with
// the Orquestrador's decision in words and what came of it; filters narrow; a broker sees only their
// own. And the overview's cards are links to the lists they count, with the same number.
import { mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { loginAs } from "./support/login";
import { expectNoSidewaysScroll } from "./support/layout";

const SCREENS = "test-results/screens";
const eventos = (page: Page) => page.getByTestId("evento");

// The whole page, and what a person sees without scrolling.
async function screenshot(page: Page, name: string, width: 1366 | 390) {
  mkdirSync(SCREENS, { recursive: true });
  await page.screenshot({ path: `${SCREENS}/${name}-${width}.png`, fullPage: true });
  await page.screenshot({ path: `${SCREENS}/${name}-${width}-topo.png` });
}

// Every reason describeDecision gives a novo_lead, whatever the hour and the score the lead gets.
const DECISAO = /^(enviada na hora|retida pela cota|agrupada|agendada|só no resumo|sem alerta)/;

test("o novo_lead de um lead recém-chegado está no topo de /eventos, com a decisão e o motivo", async ({
  page,
  request,
}) => {
  const sufixo = String(Math.floor(10_000_000 + Math.random() * 89_999_999));
  const nome = `Evento E2E ${sufixo}`;
  const response = await request.post("/api/webhooks/portais/generico/horizonte", {
    headers: { authorization: "Bearer horizonte-api-demo-key" },
    data: { id: `e2e-eventos-${Date.now()}`, nome, telefone: `11 9${sufixo}`, mensagem: "Tenho interesse no imóvel" },
  });
  expect(response.status(), await response.text()).toBe(201);
  const { leadId } = (await response.json()) as { leadId: string };

  await page.setViewportSize({ width: 1366, height: 800 });
  await loginAs(page, "gestor");
  await page.getByRole("link", { name: "Eventos" }).click();
  await expect(page).toHaveURL(/\/eventos$/);
  const topo = eventos(page).first();
  await expect(topo).toHaveAttribute("data-lead-id", leadId);
  await expect(topo).toHaveAttribute("data-tipo", "novo_lead");
  await expect(topo.getByRole("link", { name: nome })).toHaveAttribute("href", `/leads/${leadId}`);
  // The embedded runner decides within moments; the page is read again until it has.
  await expect(async () => {
    await page.reload();
    await expect(eventos(page).first().getByTestId("evento-estado")).toHaveText("Decidido");
  }).toPass({ timeout: 15_000 });
  await expect(eventos(page).first().getByTestId("evento-decisao")).toHaveText(DECISAO);
  // What came of it: a message with its link to /mensagens, or one sentence saying why none went.
  const mensagens = eventos(page).first().getByTestId("evento-mensagens");
  await expect(mensagens.getByRole("link").or(mensagens.getByTestId("evento-sem-mensagem")).first()).toBeVisible();
  await expectNoSidewaysScroll(page, page.viewportSize()!.width);
  await screenshot(page, "eventos", 1366);

  await page.getByTestId("filtro-tipo").selectOption("sla_violado");
  await page.getByRole("button", { name: "Filtrar" }).click();
  await expect(page).toHaveURL(/tipo=sla_violado/);
  for (const tipo of await eventos(page).evaluateAll((els) => els.map((el) => el.getAttribute("data-tipo")))) {
    expect(tipo).toBe("sla_violado");
  }
  // A value that does not fit is ignored, never an error.
  const estranho = await page.goto("/eventos?tipo=%00&urgencia=nada&de=2026-02-31&apos=lixo");
  expect(estranho?.status()).toBe(200);
  await expect(eventos(page).first()).toBeVisible();

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/eventos");
  await expect(eventos(page).first()).toHaveAttribute("data-lead-id", leadId);
  await expectNoSidewaysScroll(page, page.viewportSize()!.width);
  await screenshot(page, "eventos", 390);
});

test("um corretor vê só os próprios eventos, sem filtro por corretor", async ({ page }) => {
  await loginAs(page, "corretor");
  await page.goto("/eventos");
  await expect(page.getByRole("heading", { name: "Eventos" })).toBeVisible();
  await expect(page.getByTestId("filtro-corretor")).toHaveCount(0);
  await expect(page.getByTestId("filtro-tipo")).toBeVisible();
  // Each lead link opens (it is the broker's own lead), never the 404 of someone else's.
  const link = eventos(page).getByTestId("evento-lead").getByRole("link").first();
  if (await link.count()) {
    await link.click();
    await expect(page).toHaveURL(/\/leads\/lead_/);
    await expect(page.getByText("Página não encontrada")).toHaveCount(0);
  }
});

async function countLeadsListed(page: Page): Promise<number> {
  let total = 0;
  for (;;) {
    total += await page.getByTestId("lead").count();
    const next = page.getByTestId("leads-mais-antigos");
    if (!(await next.count())) return total;
    await next.click();
    await page.waitForURL(/apos=/);
  }
}

test("os cartões da visão geral abrem a lista filtrada que contam, com o mesmo número", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 800 });
  await loginAs(page, "gestor");
  const card = page.getByTestId("link-painel-leads-sem-contato");
  const count = Number(await page.getByTestId("count-painel-leads-sem-contato").getAttribute("data-count"));
  await screenshot(page, "visao-geral", 1366);

  await card.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/leads\?semContato=1$/);
  await expect(page.getByTestId("filtro-sem-contato")).toBeChecked();
  expect(await countLeadsListed(page)).toBe(count);

  await page.goto("/visao-geral");
  // A click anywhere on the card, here on its number, opens the list.
  const box = (await page.getByTestId("count-painel-caixa-saida").boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect(page).toHaveURL(/\/mensagens\?status=outbox$/);
  for (const status of await page.getByTestId("mensagem").evaluateAll((els) => els.map((el) => el.dataset.status))) {
    expect(status).toBe("outbox");
  }

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/visao-geral");
  await expectNoSidewaysScroll(page, page.viewportSize()!.width);
  await screenshot(page, "visao-geral", 390);
});

test("para o corretor, o cartão de falhas abre /mensagens só com as falhas e incertas", async ({ page }) => {
  await loginAs(page, "corretor");
  const count = Number(await page.getByTestId("count-painel-mensagens-problema").getAttribute("data-count"));
  await page.getByTestId("link-painel-mensagens-problema").click();
  await expect(page).toHaveURL(/\/mensagens\?status=com_problema$/);
  await expect(page.getByTestId("filtro-status")).toHaveValue("com_problema");
  const statuses = await page.getByTestId("mensagem").evaluateAll((els) => els.map((el) => el.dataset.status));
  for (const status of statuses) expect(["falhou", "incerta"]).toContain(status);
  if (count <= 25) expect(statuses).toHaveLength(count);
});
