// Actions on /mensagens as a manager uses them: an alert the daily quota held is sent now, counted
// past the limit, and shows in the outbox as delivered there; a broker gets no such button.
import { mkdirSync } from "node:fs";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { loginAs } from "./support/login";
import { expectNoSidewaysScroll } from "./support/layout";

const SCREENS = "test-results/screens";
const mensagens = (page: Page) => page.getByTestId("mensagem");

/** The same message in the broker's own outbox list: the page that starts just after it. */
async function noHistorico(card: Locator): Promise<string> {
  const corretor = await card.getAttribute("data-corretor-id");
  const criadoEm = Date.parse((await card.locator("time").first().getAttribute("datetime"))!);
  return `/mensagens?corretor=${corretor}&antes=${criadoEm + 1}.zzzz`;
}

/** Waits for the pipeline to send the message (no Twilio keys: into the outbox), in the broker's history. */
async function esperarNaCaixaDeSaida(page: Page, id: string, historico: string) {
  await expect(async () => {
    await page.goto(historico);
    await expect(page.locator(`[data-mensagem-id="${id}"]`)).toHaveAttribute("data-status", "outbox", {
      timeout: 1_000,
    });
  }).toPass({ timeout: 45_000 });
  const enviada = page.locator(`[data-mensagem-id="${id}"]`);
  await expect(enviada.getByTestId("mensagem-status")).toHaveText("Na caixa de saída");
  await expect(enviada.getByTestId("mensagem-acao")).toHaveCount(0);
}

// The demo holds two alerts (retida_cota); each test below sends one of them.
async function enviarAgora(page: Page, width: 1366 | 390) {
  await page.setViewportSize({ width, height: width > 800 ? 900 : 844 });
  await page.goto("/mensagens?status=retida_cota");
  const card = mensagens(page).first();
  await expect(card, "a demo sem alertas retidos pela cota").toHaveAttribute("data-status", "retida_cota");
  const id = (await card.getAttribute("data-mensagem-id"))!;
  const historico = await noHistorico(card);
  const acoes = card.getByTestId("mensagem-acoes");
  await expect(acoes.getByText("Enviar agora conta na cota diária do corretor")).toBeVisible();
  await expect(acoes.getByTestId("mensagem-acao")).toHaveCount(1);
  mkdirSync(SCREENS, { recursive: true });
  if (width < 800) {
    // A phone shows the card's end: the note and the button within thumb reach.
    await acoes.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENS}/mensagens-acoes-${width}.png` });
  }

  await acoes.locator('[data-acao="enviar_agora"]').click();
  const aviso = page.getByTestId("mensagem-acao-aviso");
  await expect(aviso).toContainText(/Enviando agora(, acima da cota: é a \d+ª mensagem de hoje)?/);
  // No longer held: it leaves the "Retida pela cota" list, and the answer stays on screen.
  await expect(page.locator(`[data-mensagem-id="${id}"]`)).toHaveCount(0);
  await expect(aviso).toBeVisible();
  await expectNoSidewaysScroll(page, width);
  if (width > 800) await page.screenshot({ path: `${SCREENS}/mensagens-acoes-${width}.png`, fullPage: true });

  await esperarNaCaixaDeSaida(page, id, historico);
}

test("o gestor envia agora um alerta retido pela cota e ele sai na caixa de saída", async ({ page }) => {
  await loginAs(page, "gestor");
  await enviarAgora(page, 1366);
});

test("no celular, o mesmo envio, sem rolagem para o lado", async ({ page }) => {
  await loginAs(page, "admin");
  await enviarAgora(page, 390);
});

test("o corretor tenta de novo uma mensagem sua que falhou; “Enviar agora” e as ações do admin não aparecem", async ({
  page,
}) => {
  await loginAs(page, "corretor");
  await page.goto("/mensagens?status=falhou");
  const card = mensagens(page).first();
  await expect(card, "a demo sem mensagem que falhou para o corretor").toHaveAttribute("data-status", "falhou");
  const id = (await card.getAttribute("data-mensagem-id"))!;
  const historico = await noHistorico(card);
  await card.locator('[data-acao="tentar_de_novo"]').click();
  await expect(page.getByTestId("mensagem-acao-aviso")).toHaveText(/Nova tentativa na fila de envio/);
  await esperarNaCaixaDeSaida(page, id, historico);

  for (const status of ["retida_cota", "incerta"]) {
    await page.goto(`/mensagens?status=${status}`);
    await expect(page.getByRole("heading", { name: "Mensagens" })).toBeVisible();
    await expect(page.getByTestId("mensagem-acao")).toHaveCount(0);
  }
});
