import { expect, test } from "@playwright/test";
import { DEMO_LOGINS, fillLogin, loginAs, type DemoRole } from "./support/login";

const PAINEL_PAGES = ["/visao-geral", "/mensagens", "/leads", "/corretores"];

for (const role of Object.keys(DEMO_LOGINS) as DemoRole[]) {
  test(`${role} entra com e-mail e senha e vê o painel da imobiliária`, async ({ page }) => {
    await loginAs(page, role);
    await expect(page.getByTestId("painel-imobiliaria")).toHaveText("Imobiliária Horizonte");
    await expect(page.getByTestId("usuario-nome")).toHaveText(DEMO_LOGINS[role].nome);
    await expect(page.getByTestId("usuario-papel")).toHaveText(DEMO_LOGINS[role].papel);
    const nav = page.getByRole("navigation", { name: "Painel" });
    for (const link of ["Visão geral", "Mensagens", "Leads"])
      await expect(nav.getByRole("link", { name: link })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Corretores" })).toHaveCount(role === "corretor" ? 0 : 1);
    await expect(nav.getByRole("link", { name: "Minhas preferências" })).toHaveCount(role === "corretor" ? 1 : 0);
  });
}

test("o e-mail é aceito em qualquer caixa", async ({ page }) => {
  await fillLogin(page, "  GESTOR@Horizonte.Demo ", DEMO_LOGINS.gestor.senha);
  await expect(page).toHaveURL(/\/visao-geral$/);
});

test("senha errada e e-mail desconhecido mostram a mesma mensagem e não entram", async ({ page }) => {
  await fillLogin(page, DEMO_LOGINS.admin.email, "senha-errada");
  await expect(page.getByTestId("login-erro")).toHaveText("E-mail ou senha inválidos");
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByLabel("E-mail")).toHaveValue(DEMO_LOGINS.admin.email);

  await fillLogin(page, "ninguem@horizonte.demo", "qualquer-coisa");
  await expect(page.getByTestId("login-erro")).toHaveText("E-mail ou senha inválidos");
  await page.goto("/visao-geral");
  await expect(page).toHaveURL(/\/login$/);
});

test("as páginas do painel exigem login", async ({ page }) => {
  for (const path of PAINEL_PAGES) {
    await page.goto(path);
    await expect(page, `${path} sem sessão`).toHaveURL(/\/login$/);
  }
  await expect(page.getByRole("heading", { name: "Entrar no painel" })).toBeVisible();
});

test("sair encerra a sessão, também para uma cópia do cookie", async ({ page, context }) => {
  await loginAs(page, "gestor");
  const copied = await context.cookies();
  await page.getByRole("button", { name: "Sair" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto("/mensagens");
  await expect(page).toHaveURL(/\/login$/);
  // The cookie from before "Sair" (another tab, a stolen copy) opens nothing either.
  await context.addCookies(copied);
  await page.goto("/leads");
  await expect(page).toHaveURL(/\/login$/);
});

test("tentativas demais pedem para esperar, em minutos", async ({ page }) => {
  const email = `robo-${Date.now()}@horizonte.demo`;
  for (let i = 0; i < 5; i++) {
    await fillLogin(page, email, `chute-${i}`);
    await expect(page.getByTestId("login-erro")).toHaveText("E-mail ou senha inválidos");
  }
  await fillLogin(page, email, "mais-um-chute");
  await expect(page.getByTestId("login-erro")).toHaveText(/^Muitas tentativas\. Tente novamente em \d+ minutos?\.$/);
});

test("quem já está logado vai direto ao painel ao abrir /login", async ({ page }) => {
  await loginAs(page, "admin");
  await page.goto("/login");
  await expect(page).toHaveURL(/\/visao-geral$/);
});

test("a página de corretores é só para gestor e admin", async ({ page }) => {
  await loginAs(page, "corretor");
  const response = await page.goto("/corretores");
  // Told why, inside the dashboard (the menu is still there), not "página não encontrada".
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Sem permissão" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Painel" })).toBeVisible();

  await page.context().clearCookies();
  await loginAs(page, "gestor");
  await page.goto("/corretores");
  const rows = page.getByTestId("corretor");
  await expect(rows).toHaveCount(8);
  await expect(rows.filter({ hasText: "Carla Menezes Duarte" })).toContainText("Ativo");
  await expect(rows.filter({ hasText: "Carla Menezes Duarte" })).toContainText("08:00–18:00");
  await expect(rows.filter({ hasText: "Márcio Vilela Conceição" })).toContainText("Inativo");
  // Phones are masked: only the last four digits show.
  await expect(rows.filter({ hasText: "Carla Menezes Duarte" })).toContainText("+55 11 *****-0001");
});
