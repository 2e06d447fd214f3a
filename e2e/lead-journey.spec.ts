// One lead from the portal to the broker's hands, through every page the leads workspace has: the
// newest in /leads and found by its phone, its score explained and its decision's reason, moved by its
// broker to "Visita agendada" (and so in that column of /funil), reassigned by a manager (the new
// broker's outbox gets the alert), and then closed to the broker who no longer has it: the page and
// a forged action both answer "Não encontrado", and nothing changes.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO_LOGINS, loginAs } from "./support/login";

async function asRole(browser: Browser, role: "gestor" | "corretor"): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 800 } });
  await loginAs(page, role);
  return page;
}

async function reassign(gestor: Page, leadId: string, para: string): Promise<void> {
  await gestor.goto(`/leads/${leadId}`);
  await gestor.getByLabel("Passar para outro corretor").selectOption({ label: para });
  await gestor.getByTestId("reatribuir").click();
  await expect(gestor.getByTestId("acao-reatribuir-aviso")).toHaveText(
    "Lead reatribuído. O novo corretor será avisado.",
  );
  await expect(gestor.getByTestId("lead-corretor")).toHaveText(para);
}

// The broker's outbox (the messages Lastro wrote to them), as the manager sees it, until the alert about
// the lead arrives: the pipeline decides and writes it within seconds. A hot lead is never only grouped,
// so there is a message whatever the hour or the broker's quota (sent, scheduled or held).
async function expectAlertInOutbox(gestor: Page, corretorId: string, leadId: string): Promise<void> {
  const alerta = gestor.locator(`[data-testid="mensagem"][data-lead-id="${leadId}"][data-tipo="alerta"]`);
  await expect(async () => {
    await gestor.goto(`/mensagens?corretor=${corretorId}`);
    await expect(alerta.first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000, intervals: [500, 1_000] });
  await expect(alerta.first()).toHaveAttribute("data-corretor-id", corretorId);
}

test("um lead do portal percorre o painel: lista, lead, funil, reatribuição e 404 para quem não o tem", async ({
  browser,
  request,
}) => {
  test.setTimeout(180_000);
  // A hot lead (a visit request on Grupo OLX, the portal's real payload) with a fresh name and phone.
  const fixture = JSON.parse(
    readFileSync(path.join(__dirname, "../lib/portals/fixtures/grupo-olx-lead-visit-request.json"), "utf8"),
  ) as Record<string, unknown>;
  const meio = String(Math.floor(1000 + Math.random() * 9000));
  const fim = String(Math.floor(1000 + Math.random() * 9000));
  const nome = `Jornada ${meio}${fim}`;
  const response = await request.post("/api/webhooks/portais/grupo-olx/horizonte", {
    headers: { authorization: `Basic ${Buffer.from("vivareal:horizonte-olx-demo-secret").toString("base64")}` },
    data: {
      ...fixture,
      originLeadId: `e2e-jornada-${Date.now()}`,
      timestamp: new Date().toISOString(),
      name: nome,
      phone: `9${meio}${fim}`,
      phoneNumber: `119${meio}${fim}`,
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  const { leadId } = (await response.json()) as { leadId: string };

  // The manager: at the top of /leads, found by the phone as people type it.
  const gestor = await asRole(browser, "gestor");
  await gestor.goto("/leads");
  await expect(gestor.getByTestId("lead").first()).toHaveAttribute("data-lead-id", leadId);
  await gestor.getByTestId("filtro-busca").fill(`(11) 9${meio}-${fim}`);
  await gestor.getByRole("button", { name: "Filtrar" }).click();
  await expect(gestor.getByTestId("lead")).toHaveCount(1);
  await gestor.getByTestId("lead").getByRole("link", { name: nome }).click();
  await expect(gestor).toHaveURL(new RegExp(`/leads/${leadId}$`));

  // Its score, every factor adding up to it, and the Orquestrador's decision with its reason.
  const card = gestor.getByTestId("lead-score");
  const score = Number(await card.getAttribute("data-score"));
  const pontos = await card
    .getByTestId("fator-pontos")
    .evaluateAll((els) => els.map((el) => Number(el.getAttribute("data-pontos"))));
  expect(pontos.reduce((a, b) => a + b, 0)).toBe(score);
  await expect
    .poll(
      async () => {
        await gestor.reload();
        return gestor.getByTestId("decisao").first().textContent();
      },
      { timeout: 30_000 },
    )
    .toMatch(/Decisão: \S+/);

  // Routed to whoever the roleta chose: the manager hands it to the demo broker, who gets the alert.
  const corretora = DEMO_LOGINS.corretor.nome;
  const corretoraId = await gestor
    .getByLabel("Passar para outro corretor")
    .locator("option", { hasText: corretora })
    .getAttribute("value");
  if ((await gestor.getByTestId("lead-corretor").textContent())?.trim() !== corretora) {
    await reassign(gestor, leadId, corretora);
  }
  await expectAlertInOutbox(gestor, corretoraId!, leadId);

  // The broker moves it to "Visita agendada"; the board shows it in that column.
  const corretor = await asRole(browser, "corretor");
  await corretor.goto(`/leads/${leadId}`);
  const de = await corretor.getByTestId("lead-status-badge").textContent();
  if (de?.trim() === "Novo") {
    await corretor.getByLabel("Mover para").selectOption({ label: "Em contato" });
    await corretor.getByTestId("mover-confirmar").click();
    await expect(corretor.getByTestId("lead-status-badge")).toHaveText("Em contato");
  }
  await corretor.getByLabel("Mover para").selectOption({ label: "Visita agendada" });
  await corretor.getByLabel("Data e hora da visita").fill("2030-12-12T10:00");
  await corretor.getByTestId("mover-confirmar").click();
  await expect(corretor.getByTestId("lead-status-badge")).toHaveText("Visita agendada");
  await corretor.goto("/funil");
  await expect(
    corretor
      .locator('[data-testid="funil-coluna"][data-status="visita_agendada"]')
      .locator(`[data-lead-id="${leadId}"]`),
  ).toBeVisible();

  // The manager passes it on: the new broker's outbox gets the alert about it.
  await gestor.goto(`/leads/${leadId}`);
  const outra = await gestor
    .getByLabel("Passar para outro corretor")
    .locator("option:not([disabled])")
    .filter({ hasNotText: corretora })
    .first();
  const [outraNome, outraId] = [(await outra.textContent())!.trim(), (await outra.getAttribute("value"))!];
  await reassign(gestor, leadId, outraNome);
  await expectAlertInOutbox(gestor, outraId, leadId);

  // The broker who no longer has it: the same 404 as a lead that does not exist...
  const pagina = await corretor.goto(`/leads/${leadId}`);
  expect(pagina?.status()).toBe(404);
  await expect(corretor.getByRole("heading", { name: "Não encontrado" })).toBeVisible();
  // ...and a note forged onto it from one of her own leads' page is refused, and not written.
  await corretor.goto("/leads");
  const propria = await corretor.getByTestId("lead").first().getAttribute("data-lead-id");
  await corretor.goto(`/leads/${propria}`);
  const notaForjada = `Nota forjada ${meio}`;
  await corretor
    .locator("form")
    .filter({ has: corretor.getByRole("button", { name: "Adicionar nota" }) })
    .locator('input[name="leadId"]')
    .evaluate((input, id) => ((input as HTMLInputElement).value = id), leadId);
  await corretor.getByLabel("Nota").fill(notaForjada);
  await corretor.getByRole("button", { name: "Adicionar nota" }).click();
  await expect(corretor.getByRole("heading", { name: "Não encontrado" })).toBeVisible();
  await gestor.goto(`/leads/${leadId}`);
  await expect(gestor.getByTestId("timeline")).not.toContainText(notaForjada);
  await expect(gestor.getByTestId("lead-status-badge")).toHaveText("Visita agendada");
});
