// /configuracoes/usuarios, /conta and "Adicionar corretor": an admin creates a gestor login, the
// gestor enters with the temporary password and must choose their own first, then gives their WhatsApp (shown
// masked to the admin); the admin resets it
// (the gestor's open session ends), promotes it to admin and deactivates it; an admin adds a broker who appears in
// /corretores. The broker is deactivated again at the end: specs after this one route leads by roleta.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { fillLogin, loginAs } from "./support/login";

async function novaSessao(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: "pt-BR", timezoneId: "America/Sao_Paulo" });
  return context.newPage();
}

async function senhaMostrada(page: Page): Promise<string> {
  return (await page.getByTestId("senha-valor").textContent())!.trim();
}

test("o administrador cria um login de gestor, que entra e troca a senha provisória; depois redefine e desativa", async ({
  page,
  browser,
}) => {
  const email = `gestor-${Date.now()}@e2e.test`;
  await loginAs(page, "admin");
  await page.goto("/configuracoes/integracoes");
  await page.getByRole("navigation", { name: "Configurações" }).getByRole("link", { name: "Usuários" }).click();
  await expect(page).toHaveURL(/\/configuracoes\/usuarios$/);

  const form = page.getByTestId("novo-login-form");
  await form.getByLabel("Nome").fill("Gestora E2E");
  await form.getByLabel("E-mail").fill(email);
  await form.getByLabel("Papel").selectOption("gestor");
  await form.getByRole("button", { name: "Criar login" }).click();
  const provisoria = await senhaMostrada(page);
  expect(provisoria.length).toBeGreaterThanOrEqual(10);
  const linha = page.locator(`[data-testid="usuario"][data-email="${email}"]`);
  await expect(linha).toContainText("Senha provisória");

  // The same e-mail again: refused beside the field, in Portuguese.
  await form.getByLabel("Nome").fill("Outra");
  await form.getByLabel("E-mail").fill(email.toUpperCase());
  await form.getByRole("button", { name: "Criar login" }).click();
  await expect(page.getByTestId("erro-email")).toHaveText("Este e-mail já tem um login.");

  // The gestor enters with the temporary password and lands on /conta, whatever page they ask for.
  const gestor = await novaSessao(browser);
  await fillLogin(gestor, email, provisoria);
  await expect(gestor).toHaveURL(/\/conta$/);
  await expect(gestor.getByTestId("trocar-senha-obrigatorio")).toBeVisible();
  await gestor.goto("/leads");
  await expect(gestor).toHaveURL(/\/conta$/);
  const nova = "gestora-e2e-2026";
  await gestor.getByLabel("Senha atual").fill(provisoria);
  await gestor.getByLabel("Nova senha", { exact: true }).fill(nova);
  await gestor.getByLabel("Repita a nova senha").fill("outra-coisa-123");
  await gestor.getByRole("button", { name: "Trocar senha" }).click();
  await expect(gestor.getByTestId("erro-confirmacao")).toHaveText("As duas senhas não são iguais.");
  await gestor.getByLabel("Senha atual").fill(provisoria);
  await gestor.getByLabel("Nova senha", { exact: true }).fill(nova);
  await gestor.getByLabel("Repita a nova senha").fill(nova);
  await gestor.getByRole("button", { name: "Trocar senha" }).click();
  await expect(gestor).toHaveURL(/\/visao-geral$/);
  await expect(gestor.getByTestId("usuario-papel")).toHaveText("Gestor");
  await gestor.goto("/leads");
  await expect(gestor.getByRole("heading", { level: 1, name: "Leads" })).toBeVisible();

  // The gestor gives their WhatsApp on /conta: a landline is refused beside the field; the admin sees it masked.
  await gestor.goto("/conta");
  const zap = gestor.getByLabel("Meu WhatsApp, para receber alertas da gestão");
  await zap.fill("(11) 3333-4444");
  await gestor.getByRole("button", { name: "Salvar WhatsApp" }).click();
  await expect(gestor.getByTestId("erro-whatsapp")).toHaveText(
    "Este número é de telefone fixo: informe um celular com WhatsApp.",
  );
  await zap.fill("11 98765-4321");
  await gestor.getByRole("button", { name: "Salvar WhatsApp" }).click();
  await expect(gestor.getByTestId("whatsapp-aviso")).toContainText("WhatsApp salvo");
  await gestor.reload();
  await expect(zap).toHaveValue("(11) 98765-4321");
  await page.reload();
  await expect(linha.getByTestId("usuario-whatsapp")).toHaveText("+55 11 *****-4321");

  // The admin resets the password: the gestor's open session ends at once.
  await page.reload();
  await linha.getByRole("button", { name: "Redefinir senha" }).click();
  await linha.getByRole("button", { name: "Confirmar redefinição" }).click();
  const outra = (await linha.getByTestId("senha-valor").textContent())!.trim();
  expect(outra).not.toBe(provisoria);
  await gestor.goto("/leads");
  await expect(gestor).toHaveURL(/\/login/);
  await fillLogin(gestor, email, nova);
  await expect(gestor.getByTestId("login-erro")).toHaveText("E-mail ou senha inválidos");
  await fillLogin(gestor, email, outra);
  await expect(gestor).toHaveURL(/\/conta$/);

  // Promoted to admin: the role shows on the row (and applies on the login's next request).
  await page.reload();
  await linha.getByLabel("Papel de Gestora E2E").selectOption("admin");
  await linha.getByRole("button", { name: "Mudar papel" }).click();
  await expect(linha.getByTestId("usuario-papel-rotulo")).toHaveText("Administrador");

  // Deactivated: the session ends and the login no longer enters.
  await page.reload();
  await linha.getByRole("button", { name: "Desativar" }).click();
  await expect(linha.getByTestId("usuario-inativo")).toBeVisible();
  await gestor.goto("/conta");
  await expect(gestor).toHaveURL(/\/login/);
  await fillLogin(gestor, email, outra);
  await expect(gestor.getByTestId("login-erro")).toHaveText("E-mail ou senha inválidos");
  await gestor.context().close();

  // The admin's own row cannot be deactivated.
  const propria = page.locator('[data-testid="usuario"][data-email="admin@horizonte.demo"]');
  await expect(propria.getByRole("button", { name: "Redefinir senha" })).toBeVisible();
  await expect(propria.getByRole("button", { name: /Desativar/ })).toHaveCount(0);
  await expect(propria.getByRole("button", { name: "Mudar papel" })).toHaveCount(0);
});

test("o administrador adiciona um corretor, que aparece em /corretores", async ({ page }) => {
  const nome = `Corretor E2E ${Date.now()}`;
  const celular = `(11) 9${String(Date.now()).slice(-8, -4)}-${String(Date.now()).slice(-4)}`;
  await loginAs(page, "admin");
  await page.goto("/corretores");
  const form = page.getByTestId("novo-corretor-form");
  await form.getByLabel("Nome").fill(nome);
  await form.getByLabel("WhatsApp").fill("1234");
  await form.getByRole("button", { name: "Adicionar" }).click();
  await expect(page.getByTestId("erro-telefone")).toHaveText("Número inválido. Use o DDD, ex.: (11) 98765-4321.");
  await form.getByLabel("WhatsApp").fill(celular);
  await form.getByRole("button", { name: "Adicionar" }).click();
  await expect(page.getByTestId("novo-corretor-aviso")).toContainText(`${nome} foi adicionado`);
  const linha = page.getByTestId("corretor").filter({ hasText: nome });
  await expect(linha).toBeVisible();
  await expect(linha).toContainText("Ativo");

  // The same number typed another way is refused beside the field.
  await form.getByLabel("Nome").fill("Outro Nome");
  await form.getByLabel("WhatsApp").fill(`+55 ${celular.replace(/\D/g, "")}`);
  await form.getByRole("button", { name: "Adicionar" }).click();
  await expect(page.getByTestId("erro-telefone")).toHaveText("Já existe um corretor com este número.");

  // Out of the roleta again, for the specs that follow on this database.
  await linha.getByTestId("corretor-link").click();
  await page.getByLabel("Ativo (recebe leads)").uncheck();
  await page.getByTestId("salvar").click();
  await expect(page.getByTestId("preferencias-aviso")).toHaveText("Preferências salvas.");
});
