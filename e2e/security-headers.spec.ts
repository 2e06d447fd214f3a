import { expect, test, type Page } from "@playwright/test";
import { loginAs } from "./support/login";

/** Every console message about the Content-Security-Policy, and every uncaught page error. */
function watchCsp(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (msg) => {
    if (/content security policy/i.test(msg.text())) problems.push(msg.text());
  });
  page.on("pageerror", (err) => problems.push(`pageerror: ${err.message}`));
  return problems;
}

function directives(policy: string): Record<string, string> {
  return Object.fromEntries(
    policy
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name, values.join(" ")]),
  );
}

test("o painel envia CSP com nonce, anti-frame, nosniff e Referrer-Policy, e funciona com eles", async ({ page }) => {
  const problems = watchCsp(page);
  await loginAs(page, "gestor");

  const response = await page.goto("/leads");
  expect(response?.status()).toBe(200);
  const headers = response!.headers();
  const csp = directives(headers["content-security-policy"] ?? "");
  const nonce = /'nonce-([^']+)'/.exec(csp["script-src"] ?? "")?.[1];
  expect(nonce, headers["content-security-policy"]).toBeTruthy();
  expect(csp["script-src"]).toContain("'strict-dynamic'");
  expect(csp["script-src"]).not.toContain("unsafe-inline");
  expect(csp["script-src"]).not.toContain("unsafe-eval");
  expect(csp["frame-ancestors"]).toBe("'none'");
  expect(csp["object-src"]).toBe("'none'");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["strict-transport-security"]).toBeUndefined(); // plain HTTP here
  // Next.js put this response's nonce on its scripts.
  expect(await response!.text()).toContain(`nonce="${nonce}"`);

  await expect(page.getByRole("heading", { name: "Leads" })).toBeVisible();
  await expect(page.getByTestId("lead").first()).toBeVisible();

  // Interactive: the sidebar navigates on the client (React is running), without a new document.
  await page.evaluate(() => ((window as unknown as { mesmoDocumento: boolean }).mesmoDocumento = true));
  await page.getByRole("navigation", { name: "Painel" }).getByRole("link", { name: "Mensagens" }).click();
  await expect(page).toHaveURL(/\/mensagens$/);
  await expect(page.getByRole("heading", { name: "Mensagens" })).toBeVisible();
  await expect(
    page.getByRole("navigation", { name: "Painel" }).getByRole("link", { name: "Mensagens" }),
  ).toHaveAttribute("aria-current", "page");
  expect(await page.evaluate(() => (window as unknown as { mesmoDocumento?: boolean }).mesmoDocumento)).toBe(true);

  // A second load gets a different nonce.
  const again = await page.goto("/leads");
  expect(directives(again!.headers()["content-security-policy"] ?? "")["script-src"]).not.toContain(nonce!);

  expect(problems).toEqual([]);
});

test("a página inicial e o login também passam na CSP, e o login funciona com ela", async ({ page }) => {
  const problems = watchCsp(page);
  const home = await page.goto("/");
  expect(home?.headers()["content-security-policy"]).toContain("'nonce-");
  await page.getByRole("link", { name: "Entrar", exact: true }).click();
  await expect(page).toHaveURL(/\/login$/);
  // The in-place error needs the client's JavaScript (useActionState).
  await page.getByLabel("E-mail").fill("ninguem@horizonte.demo");
  await page.getByLabel("Senha").fill("errada");
  await page.getByRole("button", { name: "Entrar" }).click();
  await expect(page.getByTestId("login-erro")).toHaveText("E-mail ou senha inválidos");
  expect(problems).toEqual([]);
});

test("HSTS e upgrade-insecure-requests só quando a requisição veio por HTTPS", async ({ request }) => {
  const https = await request.get("/login", { headers: { "x-forwarded-proto": "https" } });
  expect(https.headers()["strict-transport-security"]).toMatch(/^max-age=\d{7,}/);
  expect(https.headers()["content-security-policy"]).toContain("upgrade-insecure-requests");

  const http = await request.get("/login");
  expect(http.headers()["strict-transport-security"]).toBeUndefined();
  expect(http.headers()["content-security-policy"]).not.toContain("upgrade-insecure-requests");
});

test("as respostas JSON da API levam nosniff, inclusive a via direta dos webhooks", async ({ request }) => {
  const health = await request.get("/api/health");
  expect(health.headers()["x-content-type-options"]).toBe("nosniff");
  const webhook = await request.post("/api/webhooks/portais/grupo-olx/horizonte", {
    headers: { authorization: `Basic ${Buffer.from("vivareal:senha-errada").toString("base64")}` },
    data: {},
  });
  expect(webhook.status()).toBe(401);
  expect(webhook.headers()["x-content-type-options"]).toBe("nosniff");
});

test("/api/inngest sem Inngest configurado responde 404 em JSON, não 500", async ({ request }) => {
  const response = await request.put("/api/inngest");
  expect(response.status()).toBe(404);
  expect(((await response.json()) as { error: { message: string } }).error.message).toContain(
    "O Inngest não está configurado",
  );
});

test("um filtro inválido na URL de /mensagens é ignorado, sem erro", async ({ page }) => {
  test.setTimeout(120_000); // four dashboard loads; slow on a busy 2-core machine
  await loginAs(page, "gestor");
  for (const query of [
    "corretor=%00",
    "corretor=%ED%A0%BD",
    `corretor=${"x".repeat(80)}`,
    "status=%00&corretor=cor_inexistente",
  ]) {
    const response = await page.goto(`/mensagens?${query}`);
    expect(response?.status(), query).toBe(200);
    await expect(page.getByRole("heading", { name: "Mensagens" })).toBeVisible();
  }
});
