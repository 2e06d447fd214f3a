// /configuracoes/integracoes and /configuracoes/auditoria: an admin rotates a portal credential, the
// webhook refuses the old secret at once and accepts the new one, and the audit trail shows who did
// it. The Imovelweb credential is the one rotated: the specs after this one (in file order, on the same
// database) post Grupo OLX deliveries with the demo secret, which a rotation cannot bring back.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { accessibilityProblems } from "./support/axe";
import { DEMO_LOGINS, loginAs } from "./support/login";
import { expectNoSidewaysScroll } from "./support/layout";

const SCREENS = path.join("test-results", "screens");
const URL_IMOVELWEB = "/api/webhooks/portais/imovelweb/horizonte";
const SEGREDO_DEMO = "horizonte-imovelweb-demo-secret";
const FIXTURE = JSON.parse(
  readFileSync(path.join("lib", "portals", "fixtures", "imovelweb-contacto.json"), "utf8"),
) as Record<string, unknown>;

// axe-core is injected as a script: the pages' Content-Security-Policy would refuse it.
test.use({ bypassCSP: true });

// Nothing scrolls sideways and axe-core finds no WCAG 2 A/AA problem.
async function semRolagemLateral(page: Page, width: number) {
  await expectNoSidewaysScroll(page, width);
  expect(await accessibilityProblems(page), `a ${width} px`).toEqual([]);
}

test("o administrador troca o segredo do Imovelweb: o antigo recebe 401, o novo 201, e a auditoria mostra a troca", async ({
  page,
  request,
}) => {
  // A different person each time: the same one again would be a 200 "vinculado", not a new lead.
  let pessoa = 0;
  const entrega = (segredo: string, id: string) => {
    pessoa += 1;
    const contacto = {
      ...(FIXTURE.contacto as object),
      telefono: `+55 21 9${String(Date.now()).slice(-7)}${pessoa}`,
      email: `integracoes-${Date.now()}-${pessoa}@example.com`,
    };
    return request.post(URL_IMOVELWEB, {
      headers: { "x-imovelweb-token": segredo },
      data: { ...FIXTURE, id, contacto },
    });
  };

  await loginAs(page, "admin");
  await page.getByRole("navigation", { name: "Painel" }).getByRole("link", { name: "Configurações" }).click();
  await expect(page).toHaveURL(/\/configuracoes$/);
  await page.getByRole("navigation", { name: "Configurações" }).getByRole("link", { name: "Integrações" }).click();
  await expect(page).toHaveURL(/\/configuracoes\/integracoes$/);
  await expect(page.getByTestId("integracao")).toHaveCount(4);
  const cartao = page.locator('[data-testid="integracao"][data-portal="imovelweb"]');
  await expect(cartao.getByTestId("integracao-url")).toHaveText(/\/api\/webhooks\/portais\/imovelweb\/horizonte$/);

  for (const [width, height] of [
    [1366, 800],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    await semRolagemLateral(page, width);
    await page.screenshot({ path: path.join(SCREENS, `integracoes-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1366, height: 800 });

  // The demo secret works before the rotation.
  expect((await entrega(SEGREDO_DEMO, `e2e-antes-${Date.now()}`)).status()).toBe(201);

  await cartao.getByRole("button", { name: "Trocar segredo" }).click();
  await cartao.getByRole("button", { name: "Confirmar troca" }).click();
  const novo = (await cartao.getByTestId("segredo-valor").textContent())!.trim();
  expect(novo.length).toBeGreaterThanOrEqual(32);
  await page.setViewportSize({ width: 390, height: 844 });
  await semRolagemLateral(page, 390);
  await cartao.screenshot({ path: path.join(SCREENS, "integracoes-segredo-novo-390.png") });
  await page.setViewportSize({ width: 1366, height: 800 });

  const antiga = await entrega(SEGREDO_DEMO, `e2e-velho-${Date.now()}`);
  expect(antiga.status(), await antiga.text()).toBe(401);
  const nova = await entrega(novo, `e2e-novo-${Date.now()}`);
  expect(nova.status(), await nova.text()).toBe(201);

  // Shown once: a reload shows the card without it.
  await page.reload();
  await expect(cartao.getByTestId("segredo-valor")).toHaveCount(0);
  await expect(page.getByText(novo)).toHaveCount(0);

  await page.getByRole("navigation", { name: "Configurações" }).getByRole("link", { name: "Auditoria" }).click();
  await expect(page).toHaveURL(/\/configuracoes\/auditoria$/);
  const linha = page.getByTestId("auditoria").first();
  await expect(linha.getByTestId("auditoria-oque")).toHaveText("Credencial do portal Imovelweb trocada");
  await expect(linha.getByTestId("auditoria-quem")).toHaveText(DEMO_LOGINS.admin.nome);
  await expect(page.getByTestId("auditoria-resultados")).not.toContainText(novo);

  await page.getByTestId("filtro-acao").selectOption("integracao.segredo_trocado");
  await page.getByRole("button", { name: "Filtrar" }).click();
  await expect(page).toHaveURL(/acao=integracao\.segredo_trocado/);
  await expect(page.getByTestId("auditoria")).toHaveCount(1);

  for (const [width, height] of [
    [1366, 800],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    await semRolagemLateral(page, width);
    await page.screenshot({ path: path.join(SCREENS, `auditoria-${width}.png`), fullPage: true });
  }
});

test("um gestor não tem Configurações: o menu não mostra e a página diz sem permissão", async ({ page }) => {
  await loginAs(page, "gestor");
  await expect(
    page.getByRole("navigation", { name: "Painel" }).getByRole("link", { name: "Configurações" }),
  ).toHaveCount(0);
  await page.goto("/configuracoes");
  await expect(page.getByRole("heading", { level: 1, name: "Sem permissão" })).toBeVisible();
  await expect(page.getByTestId("configuracoes-form")).toHaveCount(0);
  await page.goto("/configuracoes/integracoes");
  await expect(page.getByRole("heading", { level: 1, name: "Sem permissão" })).toBeVisible();
  await expect(page.getByTestId("integracao")).toHaveCount(0);
  await page.goto("/configuracoes/auditoria");
  await expect(page.getByRole("heading", { level: 1, name: "Sem permissão" })).toBeVisible();
});
