// Every page of the product at a desk (1366 px) and on a phone (390 px), as a manager and as a broker:
// nothing scrolls sideways, axe-core finds no WCAG 2 A/AA problem (contrast AA, labels, names), and a
// screenshot of each is kept in test-results/screens/ (CI copies them to artifacts/screens/) for a
// person to look at.
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { accessibilityProblems } from "./support/axe";
import { loginAs, type DemoRole } from "./support/login";
import { expectNoSidewaysScroll } from "./support/layout";

const SCREENS = path.join("test-results", "screens");
const WIDTHS = [
  [1366, 800],
  [390, 844],
] as const;

type Shot = { name: string; url: string | ((page: Page) => Promise<string>); ready: (page: Page) => Promise<void> };

const heading = (name: string | RegExp) => async (page: Page) =>
  expect(page.getByRole("heading", { level: 1, name })).toBeVisible();

// /metricas is ready once its charts have drawn (Recharts measures its box on the client first).
const metricasReady = (name: string | RegExp) => async (page: Page) => {
  await heading(name)(page);
  await expect(page.locator("[data-grafico] svg").first()).toBeVisible();
};

// The newest lead in the login's list: every role has one in the demo data.
async function firstLeadUrl(page: Page): Promise<string> {
  await page.goto("/leads");
  const id = await page.getByTestId("lead").first().getAttribute("data-lead-id");
  return `/leads/${id}`;
}

// A broker's settings page, opened from the team list (the manager) or the menu (the broker).
async function firstCorretorUrl(page: Page): Promise<string> {
  await page.goto("/corretores");
  return (await page.getByTestId("corretor").first().getByRole("link").first().getAttribute("href"))!;
}

const PAGES: Record<Extract<DemoRole, "admin" | "gestor" | "corretor">, Shot[]> = {
  admin: [
    { name: "configuracoes", url: "/configuracoes", ready: heading("Configurações") },
    { name: "integracoes", url: "/configuracoes/integracoes", ready: heading("Configurações") },
    { name: "auditoria", url: "/configuracoes/auditoria", ready: heading("Configurações") },
    { name: "usuarios", url: "/configuracoes/usuarios", ready: heading("Configurações") },
    { name: "privacidade", url: "/privacidade?q=11968621242", ready: heading("Privacidade (LGPD)") },
    { name: "operacao", url: "/operacao", ready: metricasReady("Operação") },
    { name: "conta", url: "/conta", ready: heading("Minha conta") },
  ],
  gestor: [
    { name: "visao-geral", url: "/visao-geral", ready: heading(/^Olá/) },
    { name: "leads", url: "/leads", ready: heading("Leads") },
    { name: "lead", url: firstLeadUrl, ready: heading(/.+/) },
    { name: "mensagens", url: "/mensagens", ready: heading(/Mensagens/) },
    { name: "funil", url: "/funil", ready: heading("Funil") },
    { name: "eventos", url: "/eventos", ready: heading("Eventos") },
    { name: "metricas", url: "/metricas?periodo=30", ready: metricasReady("Métricas") },
    { name: "corretores", url: "/corretores", ready: heading(/Corretores/) },
    { name: "corretor", url: firstCorretorUrl, ready: heading(/.+/) },
    { name: "sem-permissao", url: "/configuracoes", ready: heading("Sem permissão") },
  ],
  corretor: [
    { name: "visao-geral", url: "/visao-geral", ready: heading(/^Olá/) },
    { name: "leads", url: "/leads", ready: heading("Leads") },
    { name: "lead", url: firstLeadUrl, ready: heading(/.+/) },
    { name: "mensagens", url: "/mensagens", ready: heading(/Mensagens/) },
    { name: "funil", url: "/funil", ready: heading("Funil") },
    { name: "eventos", url: "/eventos", ready: heading("Eventos") },
    { name: "metricas", url: "/metricas?periodo=30", ready: metricasReady("Minhas métricas") },
    { name: "sem-permissao", url: "/corretores", ready: heading("Sem permissão") },
    {
      name: "preferencias",
      url: async (page) => (await page.getByRole("link", { name: "Minhas preferências" }).getAttribute("href"))!,
      ready: heading("Minhas preferências"),
    },
    { name: "nao-encontrado", url: "/leads/lead_que_nao_existe", ready: heading("Não encontrado") },
    { name: "conta", url: "/conta", ready: heading("Minha conta") },
  ],
};

// axe-core is injected as a script: the pages' Content-Security-Policy (a nonce per request) would refuse it.
test.use({ bypassCSP: true });

async function shoot(page: Page, role: string, shot: Shot): Promise<void> {
  const url = typeof shot.url === "string" ? shot.url : await shot.url(page);
  for (const [width, height] of WIDTHS) {
    await page.setViewportSize({ width, height });
    await page.goto(url);
    await shot.ready(page);
    await expectNoSidewaysScroll(page, width);
    expect(await accessibilityProblems(page), `${shot.name} a ${width} px`).toEqual([]);
    await page.screenshot({ path: path.join(SCREENS, `todas-${role}-${shot.name}-${width}.png`), fullPage: true });
  }
}

test("a tela de login, no computador e no celular", async ({ page }) => {
  await shoot(page, "anonimo", { name: "login", url: "/login", ready: heading("Entrar no painel") });
});

for (const role of ["admin", "gestor", "corretor"] as const) {
  test(`todas as páginas do ${role}, no computador e no celular`, async ({ page }) => {
    test.setTimeout(240_000);
    await loginAs(page, role);
    for (const shot of PAGES[role]) await shoot(page, role, shot);
  });
}
