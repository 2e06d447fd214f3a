// The short link in a broker's WhatsApp alert: a hot lead posted by a portal, its alert in the outbox
// carrying /r/ links instead of a wa.me one; the link followed (as a phone would, without a dashboard
// login) goes to wa.me with the greeting, and the lead page shows the tap as the first response.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { loginAs } from "./support/login";
import { expectNoSidewaysScroll } from "./support/layout";

const SCREENS = path.join("test-results", "screens");

async function postHotLead(request: APIRequestContext): Promise<string> {
  const fixture = JSON.parse(
    readFileSync(path.join(__dirname, "../lib/portals/fixtures/grupo-olx-lead-visit-request.json"), "utf8"),
  );
  const sufixo = Array.from({ length: 6 }, () => "abcdefghijklmnopqrstuvwxyz"[Math.floor(Math.random() * 26)]).join("");
  const numero = `96${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`;
  const response = await request.post("/api/webhooks/portais/grupo-olx/horizonte", {
    headers: { authorization: `Basic ${Buffer.from("vivareal:horizonte-olx-demo-secret").toString("base64")}` },
    data: {
      ...fixture,
      originLeadId: `e2e-link-${Date.now()}-${sufixo}`,
      timestamp: new Date().toISOString(),
      name: `Rita Link ${sufixo.charAt(0).toUpperCase()}${sufixo.slice(1)}`,
      phone: numero,
      phoneNumber: `11${numero}`,
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { leadId: string }).leadId;
}

test("o link curto do alerta leva ao WhatsApp do lead e conta como a primeira resposta", async ({
  page,
  request,
  playwright,
}) => {
  const leadId = await postHotLead(request);
  await loginAs(page, "gestor");

  // The alert, as the broker reads it in the outbox: short links, no long wa.me one.
  const mensagem = page.locator(`[data-testid="mensagem"][data-lead-id="${leadId}"][data-tipo="alerta"]`);
  await expect(async () => {
    await page.goto("/mensagens");
    await expect(mensagem.first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000, intervals: [500, 1_000] });
  const corpo = mensagem.first().getByTestId("mensagem-corpo");
  await expect(corpo).toContainText("Responder agora");
  await expect(corpo.locator('a[href*="wa.me"]')).toHaveCount(0);
  const links = await corpo.locator('a[href*="/r/"]').evaluateAll((els) => els.map((el) => el.getAttribute("href")!));
  expect(links).toHaveLength(2);
  for (const link of links) expect(new URL(link).pathname).toMatch(/^\/r\/[A-Za-z0-9_-]{1,40}$/);
  const [responder, painel] = links.map((l) => new URL(l).pathname);
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 844 });
    await expectNoSidewaysScroll(page, width);
    await mensagem.first().screenshot({ path: path.join(SCREENS, `mensagem-link-curto-${width}.png`) });
  }
  await page.setViewportSize({ width: 1366, height: 800 });

  await page.goto(`/leads/${leadId}`);
  await expect(page.getByTestId("lead-primeira-resposta")).toHaveText("Ainda sem resposta");

  // The broker's phone: no dashboard session. wa.me is the internet: only its address is checked.
  const phone = await playwright.request.newContext({ baseURL: new URL(page.url()).origin });
  const tap = await phone.get(responder!, { maxRedirects: 0 });
  expect(tap.status()).toBe(303);
  const destino = new URL(tap.headers()["location"]!);
  expect(`${destino.origin}${destino.pathname}`).toMatch(/^https:\/\/wa\.me\/55119\d{8}$/);
  expect(destino.searchParams.get("text")).toMatch(/^Olá, Rita! Aqui é .+ \(Imobiliária Horizonte\)\. /);
  // Again, and the lead-page link: still redirects, no second record.
  expect((await phone.get(responder!, { maxRedirects: 0 })).status()).toBe(303);
  const abrir = await phone.get(painel!, { maxRedirects: 0 });
  expect(abrir.status()).toBe(303);
  expect(abrir.headers()["location"]).toBe(`/leads/${leadId}`);

  // A broken link: a pt-BR page, not an error dump.
  const quebrado = await phone.get(`${responder!.slice(0, -3)}xyz`, { maxRedirects: 0 });
  expect(quebrado.status()).toBe(404);
  expect(await quebrado.text()).toContain("Link inválido");
  await phone.dispose();

  await page.reload();
  await expect(page.getByTestId("lead-primeira-resposta")).toHaveText(/^\d+ min \(\d\d\/\d\d\/\d{4} \d\d:\d\d\)$/);
  const toques = page.locator('[data-testid="timeline-item"][data-tipo="toque_link"]');
  await expect(toques).toHaveCount(1);
  await expect(toques).toContainText("Responder agora");
  await expect(page.getByTestId("lead-status-badge")).toHaveText("Novo");

  for (const [width, height] of [
    [1366, 800],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.goto(`/leads/${leadId}`);
    await expect(toques).toHaveCount(1);
    await expectNoSidewaysScroll(page, width);
    await page.screenshot({ path: path.join(SCREENS, `lead-toque-link-${width}.png`), fullPage: true });
    await page.goto(`${responder!.slice(0, -3)}xyz`);
    await expect(page.getByRole("heading", { name: "Link inválido" })).toBeVisible();
    await expectNoSidewaysScroll(page, width);
    await page.screenshot({ path: path.join(SCREENS, `link-invalido-${width}.png`), fullPage: true });
  }
});
