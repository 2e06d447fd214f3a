// /privacidade: an admin answers a person's LGPD request. A lead posted through the real webhook is
// found by the phone typed as people type it, exported as a JSON download, then erased: the lead page
// no longer shows the person, and the audit trail records both actions without them.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { accessibilityProblems } from "./support/axe";
import { expectNoSidewaysScroll } from "./support/layout";
import { loginAs } from "./support/login";

const SCREENS = path.join("test-results", "screens");
test.use({ bypassCSP: true });

/** At 1366 and 390 px: nothing scrolls sideways, axe-core finds no WCAG 2 A/AA problem, a screenshot. */
async function conferirEFotografar(page: Page, nome: string): Promise<void> {
  for (const [width, height] of [
    [1366, 900],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    // After a server action the page's head is re-rendered: wait for its title before axe reads it.
    await expect(page).toHaveTitle(/Lastro/);
    await expectNoSidewaysScroll(page, width);
    expect(await accessibilityProblems(page), `a ${width} px`).toEqual([]);
    await page.screenshot({ path: path.join(SCREENS, `${nome}-${width}.png`), fullPage: true });
  }
}

test("o administrador encontra, exporta e apaga os dados de uma pessoa pelo telefone", async ({ page, request }) => {
  const sufixo = String(Date.now()).slice(-4);
  const telefone = `(11) 93456-${sufixo}`;
  const entrega = await request.post("/api/webhooks/portais/generico/horizonte", {
    headers: { authorization: "Bearer horizonte-api-demo-key" },
    data: { id: `lgpd-${sufixo}`, nome: "Helena Titular", telefone, email: `helena.${sufixo}@exemplo.com.br` },
  });
  expect(entrega.status()).toBe(201);
  const { leadId } = (await entrega.json()) as { leadId: string };

  await loginAs(page, "admin");
  await page.goto("/privacidade");
  await page.getByLabel("Telefone ou e-mail da pessoa").fill(`11 93456${sufixo}`);
  await page.getByRole("button", { name: "Buscar" }).click();
  await expect(page.getByRole("heading", { name: "1 lead com esses dados" })).toBeVisible();
  await expect(page.getByTestId("titular-leads")).toContainText("Helena Titular");

  await conferirEFotografar(page, "privacidade");

  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Baixar dados (JSON)" }).click();
  const arquivo = await download;
  const exportado = JSON.parse(await readFile((await arquivo.path())!, "utf8")) as {
    leads: { lead: { nome: string } }[];
  };
  expect(exportado.leads.map((l) => l.lead.nome)).toEqual(["Helena Titular"]);

  await page.getByRole("button", { name: "Apagar dados desta pessoa" }).click();
  await expect(page.getByTestId("titular-apagar-erro")).toHaveText(
    "Marque a confirmação: apagar não pode ser desfeito.",
  );
  await page.getByLabel("Entendo que apagar não pode ser desfeito.").check();
  await page.getByRole("button", { name: "Apagar dados desta pessoa" }).click();
  await expect(page.getByTestId("titular-apagado")).toContainText("Dados pessoais apagados de 1 lead.");

  await page.goto(`/leads/${leadId}`);
  await expect(page.getByRole("main")).toContainText("Pessoa removida (LGPD)");
  await expect(page.getByRole("main")).not.toContainText("Helena");

  await page.goto("/configuracoes/auditoria");
  const linhas = page.getByTestId("auditoria");
  await expect(linhas.first().getByTestId("auditoria-oque")).toHaveText("Dados de um titular apagados (LGPD)");
  await expect(linhas.nth(1).getByTestId("auditoria-oque")).toHaveText("Dados de um titular exportados (LGPD)");
  await expect(page.getByTestId("auditoria-resultados")).not.toContainText("Helena");
});

test("o corretor vê a base legal do lead e marca que a pessoa não quer contato", async ({ page, request }) => {
  const sufixo = String(Date.now()).slice(-4);
  const entrega = await request.post("/api/webhooks/portais/generico/horizonte", {
    headers: { authorization: "Bearer horizonte-api-demo-key" },
    data: { id: `optout-${sufixo}`, nome: "Igor Sem Contato", telefone: `(11) 93457-${sufixo}` },
  });
  expect(entrega.status()).toBe(201);
  const { leadId } = (await entrega.json()) as { leadId: string };

  await loginAs(page, "admin");
  await page.goto(`/leads/${leadId}`);
  await expect(page.getByText("Rascunho de resposta")).toBeVisible();
  await expect(page.getByTestId("lead-base-legal")).toContainText(
    "Base legal: legítimo interesse, pedido de contato pelo",
  );
  await page.getByText("Não quer contato", { exact: true }).click();
  await page.getByRole("button", { name: "Confirmar: não quer contato" }).click();
  await expect(page.getByTestId("lead-opt-out-badge")).toHaveText("Não quer contato");
  await expect(page.getByTestId("lead-opt-out")).toContainText("A pessoa pediu para não ser contatada");
  await expect(page.getByTestId("lead-opt-out")).toContainText("marcado no painel");
  // No ready-made first message for someone who asked not to be contacted.
  await expect(page.getByText("Rascunho de resposta")).toHaveCount(0);
  // Kept: a fresh load of the page still says so.
  await page.reload();
  await expect(page.getByTestId("lead-opt-out-badge")).toHaveText("Não quer contato");

  await conferirEFotografar(page, "lead-nao-quer-contato");
});

test("o administrador cria uma chave de API, o sistema da imobiliária a usa, e a chave revogada é recusada", async ({
  page,
  request,
}) => {
  await loginAs(page, "admin");
  await page.goto("/privacidade");
  await page.getByLabel("Nome da chave (quem vai usar)").fill("CRM de teste");
  await page.getByRole("button", { name: "Criar chave" }).click();
  const chave = (await page.getByTestId("chave-api-valor").textContent())!.trim();
  expect(chave).toMatch(/^lst_[0-9a-f]{8}_/);

  const buscar = () =>
    request.post("/api/privacidade/buscar", {
      headers: { authorization: `Bearer ${chave}` },
      data: { email: "ninguem@exemplo.com.br" },
    });
  const resposta = await buscar();
  expect(resposta.status()).toBe(200);
  expect(await resposta.json()).toEqual({ leads: [] });

  await page.reload();
  const linha = page.getByTestId("chaves-api").getByRole("listitem").filter({ hasText: "CRM de teste" });
  await expect(linha).toContainText("último uso");
  await linha.getByRole("button", { name: "Revogar a chave CRM de teste" }).click();
  await expect(linha).toContainText("Revogada em");
  expect((await buscar()).status()).toBe(401);
});
