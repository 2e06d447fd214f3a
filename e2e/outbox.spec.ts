import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_LOGINS, loginAs } from "./support/login";

const mensagens = (page: Page) => page.getByTestId("mensagem");

async function corretorIds(page: Page): Promise<string[]> {
  const ids = await mensagens(page).evaluateAll((els) => els.map((el) => el.getAttribute("data-corretor-id") ?? ""));
  return [...new Set(ids)];
}

test("o corretor vê só as próprias mensagens, mesmo pedindo as de outro", async ({ page, browser }) => {
  // A manager's view gives another broker's id to try.
  const gestor = await browser.newPage();
  await loginAs(gestor, "gestor");
  await gestor.goto("/mensagens");
  const todos = await corretorIds(gestor);
  expect(todos.length).toBeGreaterThan(1);
  await gestor.close();

  await loginAs(page, "corretor");
  await page.goto("/mensagens");
  await expect(mensagens(page).first()).toBeVisible();
  const proprios = await corretorIds(page);
  expect(proprios).toHaveLength(1);
  await expect(mensagens(page).first().getByTestId("mensagem-corretor")).toHaveText(
    `Para ${DEMO_LOGINS.corretor.nome}`,
  );
  await expect(page.getByTestId("filtro-corretor")).toHaveCount(0);

  const outro = todos.find((id) => id !== proprios[0])!;
  await page.goto(`/mensagens?corretor=${encodeURIComponent(outro)}`);
  await expect(mensagens(page).first()).toBeVisible();
  expect(await corretorIds(page)).toEqual(proprios);

  // The same rule on the leads page.
  await page.goto("/leads");
  const leadOwners = await page
    .getByTestId("lead")
    .evaluateAll((els) => [...new Set(els.map((el) => el.getAttribute("data-corretor-id")))]);
  expect(leadOwners).toEqual(proprios);
});

test("o gestor filtra por corretor e por situação", async ({ page }) => {
  await loginAs(page, "gestor");
  await page.goto("/mensagens");
  await page.getByTestId("filtro-corretor").selectOption({ label: "Rodrigo Tavares Lima" });
  await page.getByRole("button", { name: "Filtrar" }).click();
  await expect(page).toHaveURL(/corretor=/);
  await expect(mensagens(page).first()).toBeVisible();
  expect(await corretorIds(page)).toHaveLength(1);
  for (const nome of await mensagens(page).getByTestId("mensagem-corretor").allTextContents()) {
    expect(nome).toBe("Para Rodrigo Tavares Lima");
  }

  await page.goto("/mensagens?status=outbox");
  await expect(mensagens(page).first()).toBeVisible();
  const badges = await mensagens(page).getByTestId("mensagem-status").allTextContents();
  expect(new Set(badges)).toEqual(new Set(["Na caixa de saída"]));
});

test("as mensagens mostram o número do corretor mascarado e os botões de resposta rápida", async ({ page }) => {
  await loginAs(page, "admin");
  await page.goto("/mensagens?status=outbox");
  const comBotoes = mensagens(page)
    .filter({ has: page.getByTestId("mensagem-botao") })
    .first();
  await expect(comBotoes).toBeVisible();
  await expect(comBotoes.getByTestId("mensagem-botao").first()).toBeDisabled();
  await expect(comBotoes.getByTestId("mensagem-destino")).toHaveText(/^WhatsApp \+55 \d\d \*{5}-\d{4}$/);
  // WhatsApp markers never show as raw asterisks around a bold run.
  const negrito = mensagens(page)
    .filter({ has: page.locator("strong") })
    .first();
  expect(await negrito.locator("strong").first().textContent()).not.toMatch(/^\*|\*$/);
});

test("a lista de leads mostra ao gestor o telefone completo, legível (mascarar é para os logs)", async ({ page }) => {
  await loginAs(page, "gestor");
  await page.goto("/leads");
  const rows = page.getByTestId("lead");
  await expect(rows).toHaveCount(50);
  const text = await page.getByRole("table", { name: "Leads" }).innerText();
  expect(text).toMatch(/\(\d\d\) \d{4,5}-\d{4}/);
  expect(text).not.toMatch(/\*{5}/);
  expect(text).toMatch(/\d\d\/\d\d\/\d{4} \d\d:\d\d/);
});

// Last in the file on purpose: it adds a lead, and other specs may count the seeded ones.
test("um lead quente do Grupo OLX vira mensagem na caixa de saída do corretor escolhido", async ({ page, request }) => {
  const fixture = JSON.parse(
    readFileSync(path.join(__dirname, "../lib/portals/fixtures/grupo-olx-lead-visit-request.json"), "utf8"),
  );
  const sufixo = Array.from({ length: 6 }, () => "abcdefghijklmnopqrstuvwxyz"[Math.floor(Math.random() * 26)]).join("");
  const nome = `Marina Quente ${sufixo.charAt(0).toUpperCase()}${sufixo.slice(1)}`;
  const numero = `97${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`;
  const body = {
    ...fixture,
    originLeadId: `e2e-${Date.now()}-${sufixo}`,
    timestamp: new Date().toISOString(),
    name: nome,
    phone: numero,
    phoneNumber: `11${numero}`,
  };
  // The dashboard counts the lead once it is accepted (the public home page shows no counts).
  await loginAs(page, "gestor");
  const leadsAntes = Number(await page.getByTestId("count-painel-leads").getAttribute("data-count"));
  const response = await request.post("/api/webhooks/portais/grupo-olx/horizonte", {
    headers: { authorization: `Basic ${Buffer.from("vivareal:horizonte-olx-demo-secret").toString("base64")}` },
    data: body,
  });
  expect(response.status(), await response.text()).toBe(201);
  const { leadId } = (await response.json()) as { leadId: string };
  expect(leadId).toBeTruthy();
  await page.reload();
  await expect(page.getByTestId("count-painel-leads")).toHaveAttribute("data-count", String(leadsAntes + 1));
  // The same delivery again is accepted, names the same lead and counts nothing twice.
  const repetida = await request.post("/api/webhooks/portais/grupo-olx/horizonte", {
    headers: { authorization: `Basic ${Buffer.from("vivareal:horizonte-olx-demo-secret").toString("base64")}` },
    data: body,
  });
  expect(repetida.status()).toBe(200);
  expect(((await repetida.json()) as { leadId: string }).leadId).toBe(leadId);
  await page.reload();
  await expect(page.getByTestId("count-painel-leads")).toHaveAttribute("data-count", String(leadsAntes + 1));

  // The broker the lead was routed to, as the leads page shows it.
  await page.goto("/leads");
  const leadRow = page.locator(`[data-testid="lead"][data-lead-id="${leadId}"]`);
  await expect(leadRow).toContainText(nome);
  const corretorId = await leadRow.getAttribute("data-corretor-id");
  expect(corretorId).toBeTruthy();

  const mensagem = page.locator(`[data-testid="mensagem"][data-lead-id="${leadId}"]`);
  await expect(async () => {
    await page.goto("/mensagens");
    await expect(mensagem.first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000, intervals: [500, 1_000] });
  await expect(mensagem.first()).toHaveAttribute("data-corretor-id", corretorId!);
  // Drawn as the broker reads it: the *title* in bold with the lead's name, line breaks, the
  // short /r/ link to answer (opening a new tab) and the quick-reply buttons under the bubble.
  const corpo = mensagem.first().getByTestId("mensagem-corpo");
  await expect(corpo.locator("strong").filter({ hasText: nome })).toHaveCount(1);
  await expect(corpo).not.toContainText(`*${nome}`);
  expect(await corpo.locator("br").count()).toBeGreaterThan(2);
  const link = corpo.locator('a[href*="/r/"]').first();
  await expect(link).toHaveAttribute("target", "_blank");
  await expect(link).toHaveAttribute("rel", /noopener/);
  expect(await mensagem.first().getByTestId("mensagem-botao").count()).toBeGreaterThan(0);
  await expect(mensagem.first().getByTestId("mensagem-status")).toHaveText(
    /^(Na caixa de saída|Na fila de envio|Enviando|Agendada para \d\d\/\d\d\/\d{4} \d\d:\d\d|Retida pela cota diária)$/,
  );
});

test("a caixa de saída vem em páginas: as mais antigas seguem, sem repetir nenhuma", async ({ page }) => {
  await loginAs(page, "gestor");
  await page.goto("/mensagens");
  const ids = () => mensagens(page).evaluateAll((els) => els.map((el) => el.getAttribute("data-mensagem-id") ?? ""));
  const primeira = await ids();
  expect(primeira).toHaveLength(25);
  await expect(page.getByTestId("pagina-recentes")).toHaveCount(0);

  await page.getByTestId("pagina-antigas").click();
  await expect(page).toHaveURL(/antes=/);
  const segunda = await ids();
  expect(segunda.length).toBeGreaterThan(0);
  expect(segunda.filter((id) => primeira.includes(id))).toEqual([]);

  await page.getByTestId("pagina-recentes").click();
  await expect(page).not.toHaveURL(/antes=/);
  expect(await ids()).toEqual(primeira);
});

test("o período filtra a caixa de saída pelo dia de São Paulo", async ({ page }) => {
  await loginAs(page, "gestor");
  await page.goto("/mensagens?de=2000-01-01&ate=2000-01-02");
  await expect(page.getByText("Nenhuma mensagem com esses filtros.")).toBeVisible();
  await expect(page.getByTestId("filtro-de")).toHaveValue("2000-01-01");
});
