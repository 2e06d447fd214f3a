// The lead page as a manager and a broker use it: why the lead scored what it did (factors adding up
// to the score), why a message went or waited, a funnel move landing in the timeline, and the 404 a
// broker gets for a colleague's lead.
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { loginAs } from "./support/login";
import { expectNoSidewaysScroll } from "./support/layout";

const SCREENS = path.join("test-results", "screens");

async function leadRows(page: Page): Promise<{ id: string; corretorId: string }[]> {
  await page.goto("/leads");
  await expect(page.getByTestId("lead").first()).toBeVisible();
  return page.getByTestId("lead").evaluateAll((els) =>
    els.map((el) => ({
      id: el.getAttribute("data-lead-id") ?? "",
      corretorId: el.getAttribute("data-corretor-id") ?? "",
    })),
  );
}

async function expectFactorsSumToScore(page: Page): Promise<void> {
  const card = page.getByTestId("lead-score");
  const score = Number(await card.getAttribute("data-score"));
  const pontos = await card
    .getByTestId("fator-pontos")
    .evaluateAll((els) => els.map((el) => Number(el.getAttribute("data-pontos"))));
  expect(pontos.length).toBeGreaterThan(0);
  expect(pontos.reduce((a, b) => a + b, 0)).toBe(score);
  await expect(page.getByTestId("lead-score-badge")).toContainText(String(score));
}

test("o gestor abre um lead: fatores que somam o score e o motivo da decisão", async ({ page }) => {
  await loginAs(page, "gestor");
  const rows = await leadRows(page);
  // A lead whose event the Orquestrador has decided (nearly all demo leads).
  let aberto = false;
  for (const row of rows.slice(0, 15)) {
    await page.goto(`/leads/${row.id}`);
    const decisoes = page.getByTestId("decisao").filter({ hasNotText: "aguardando" });
    if ((await decisoes.count()) === 0) continue;
    await expect(decisoes.first()).toContainText(/Decisão: \S+/);
    aberto = true;
    break;
  }
  expect(aberto, "nenhum dos leads recentes tem decisão registrada").toBe(true);
  await expect(page.getByRole("heading", { name: /^Por que \d+\?$/ })).toBeVisible();
  await expectFactorsSumToScore(page);
  // The ConversationAnalyzer's reading of the newest message: intent, sentiment, next step in pt-BR.
  const analise = page.getByTestId("lead-analise");
  await expect(analise.getByRole("heading", { name: "Leitura da conversa" })).toBeVisible();
  await expect(analise.getByTestId("lead-analise-intencao")).toHaveText(
    /^(Visita|Financiamento|Preço \/ negociação|Permuta|Disponibilidade|Dúvida|Desistência|Interesse|Sem intenção clara)$/,
  );
  await expect(analise.getByTestId("lead-analise-sentimento")).toHaveText(/^(Positivo|Neutro|Negativo)$/);
  await expect(analise.getByTestId("lead-analise-proximo-passo")).toContainText(/^Próximo passo: \S+/);
  // The manager has the right to the full contact: a real phone with call and WhatsApp links.
  await expect(page.getByTestId("lead-telefone").getByRole("link", { name: "Ligar" })).toHaveAttribute(
    "href",
    /^tel:\+\d{10,15}$/,
  );
  await expect(page.getByTestId("lead-telefone").getByRole("link", { name: "WhatsApp" })).toHaveAttribute(
    "href",
    /^https:\/\/wa\.me\/\d{10,15}$/,
  );
  const itens = page.getByTestId("timeline-item");
  expect(await itens.count()).toBeGreaterThan(1);
  const tempos = await itens.locator("time").evaluateAll((els) => els.map((el) => el.getAttribute("datetime")!));
  expect(tempos).toEqual([...tempos].sort().reverse());

  for (const [width, height] of [
    [1366, 800],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.reload();
    await expect(page.getByTestId("lead-score")).toBeVisible();
    await expectNoSidewaysScroll(page, width);
    await page.screenshot({ path: path.join(SCREENS, `lead-${width}.png`), fullPage: width > 800 });
    if (width < 800) {
      // The next step is within thumb reach on a phone: the bottom bar, visible without scrolling.
      const barra = page.getByTestId("avancar-barra");
      if (await barra.count()) {
        const box = (await barra.boundingBox())!;
        expect(box.y + box.height).toBeLessThanOrEqual(height);
        expect(box.y).toBeGreaterThan(height * 0.75);
      }
      await page.screenshot({ path: path.join(SCREENS, `lead-${width}-inteira.png`), fullPage: true });
    }
  }
});

test("o corretor move o próprio lead para visita agendada e vê isso no histórico", async ({ page }) => {
  await loginAs(page, "corretor");
  await page.goto("/leads");
  const candidato = page
    .getByTestId("lead")
    .filter({ has: page.getByText(/^(Novo|Em contato)$/) })
    .first();
  await expect(candidato).toBeVisible();
  const id = (await candidato.getAttribute("data-lead-id"))!;
  await page.setViewportSize({ width: 1366, height: 800 });
  await page.goto(`/leads/${id}`);

  // Lost needs a reason: refused beside the field, nothing changes.
  await page.getByLabel("Mover para").selectOption({ label: "Perdido" });
  await page.getByTestId("mover-confirmar").click();
  await expect(page.getByText("Diga por que o lead foi perdido.")).toBeVisible();
  await expect(page.getByTestId("lead-status-badge")).not.toHaveText("Perdido");

  await page.getByLabel("Mover para").selectOption({ label: "Visita agendada" });
  await page.getByLabel("Data e hora da visita").fill("2030-12-12T10:00");
  await page.getByTestId("mover-confirmar").click();
  await expect(page.getByTestId("acao-status-aviso")).toHaveText("Status alterado para “Visita agendada”.");
  await expect(page.getByTestId("lead-status-badge")).toHaveText("Visita agendada");
  const primeiro = page.getByTestId("timeline-item").first();
  await expect(primeiro).toHaveAttribute("data-tipo", "mudanca_status");
  await expect(primeiro).toContainText("Visita agendada");
  await expect(primeiro).toContainText("visita marcada para 12/12/2030 10:00");

  // A new date for the visit: the stage stays, the timeline says it, the reminders follow the new time.
  await page.getByLabel("Mover para").selectOption({ label: "Remarcar visita" });
  await page.getByTestId("mover-confirmar").click();
  await expect(page.getByText("Escolha a nova data da visita.")).toBeVisible();
  await page.getByLabel("Nova data e hora da visita").fill("2030-12-13T15:00");
  await page.screenshot({ path: test.info().outputPath("remarcar-visita-1366.png"), fullPage: true });
  await page.getByTestId("mover-confirmar").click();
  await expect(page.getByTestId("acao-status-aviso")).toHaveText("Visita remarcada. Os lembretes seguem a nova data.");
  await expect(page.getByTestId("lead-status-badge")).toHaveText("Visita agendada");
  await expect(page.getByTestId("timeline-item").first()).toContainText("Visita remarcada para 13/12/2030 15:00");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByLabel("Mover para").selectOption({ label: "Remarcar visita" });
  await page.screenshot({ path: test.info().outputPath("remarcar-visita-390.png"), fullPage: true });
  await page.setViewportSize({ width: 1366, height: 800 });

  await page.getByLabel("Nota").fill("Visita no sábado às 10h, levar a planta.");
  await page.getByRole("button", { name: "Adicionar nota" }).click();
  await expect(page.getByTestId("timeline-item").first()).toContainText("Visita no sábado às 10h");
  // The pipeline reads the note within seconds: intent and sentiment on the item and in the card.
  await expect
    .poll(
      async () => {
        await page.reload();
        return page.getByTestId("timeline-item").first().textContent();
      },
      { timeout: 20_000 },
    )
    .toContain("Visita · Neutro");
  await expect(page.getByTestId("lead-analise-intencao")).toHaveText("Visita");
  await expect(page.getByTestId("lead-analise-proximo-passo")).toContainText("horários de visita");
  await page.screenshot({ path: path.join(SCREENS, "lead-corretor-1366.png"), fullPage: true });
});

test("o gestor reatribui um lead e o novo corretor é avisado pelo Orquestrador", async ({ page }) => {
  await loginAs(page, "gestor");
  const rows = await leadRows(page);
  const alvo = rows.find((r) => r.corretorId)!;
  await page.goto(`/leads/${alvo.id}`);
  const antes = (await page.getByTestId("lead-corretor").textContent())!.trim();
  const select = page.getByLabel("Passar para outro corretor");
  const opcoes = await select.locator("option:not([disabled])").allTextContents();
  const novo = opcoes.find((nome) => nome !== antes)!;
  await select.selectOption({ label: novo });
  await page.getByTestId("reatribuir").click();
  await expect(page.getByTestId("acao-reatribuir-aviso")).toHaveText("Lead reatribuído. O novo corretor será avisado.");
  await expect(page.getByTestId("lead-corretor")).toHaveText(novo);
  // Newest first: this hand-over is on top (the same two brokers may have swapped it before).
  await expect(
    page.getByTestId("timeline").getByText(`passou o lead de ${antes} para ${novo} pelo painel`).first(),
  ).toBeVisible();
  // The new broker's event is decided by the pipeline within seconds: its reason shows up.
  await expect
    .poll(
      async () => {
        await page.reload();
        const evento = page.getByTestId("timeline-item").filter({ hasText: "Lastro detectou" }).first();
        return evento
          .getByTestId("decisao")
          .textContent({ timeout: 2000 })
          .catch(() => "aguardando");
      },
      { timeout: 20_000 },
    )
    .not.toMatch(/aguardando/);
});

test("o corretor que abre o lead de outro corretor recebe 404", async ({ page, browser }) => {
  const gestor = await browser.newPage();
  await loginAs(gestor, "gestor");
  const todos = await leadRows(gestor);
  await gestor.close();

  await loginAs(page, "corretor");
  const meus = await leadRows(page);
  const eu = meus[0]!.corretorId;
  const deOutro = todos.find((r) => r.corretorId && r.corretorId !== eu);
  expect(deOutro).toBeDefined();

  const resposta = await page.goto(`/leads/${deOutro!.id}`);
  expect(resposta?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Não encontrado" })).toBeVisible();
  // The same as a lead that does not exist.
  const inexistente = await page.goto("/leads/lead_que_nao_existe");
  expect(inexistente?.status()).toBe(404);
});
