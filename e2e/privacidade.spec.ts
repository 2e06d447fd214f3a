// /privacidade: an admin answers a person's LGPD request. A lead posted through the real webhook is
// found by the phone typed as people type it, exported as a JSON download, then erased: the lead page
// no longer shows the person, and the audit trail records both actions without them.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { accessibilityProblems } from "./support/axe";
import { expectNoSidewaysScroll } from "./support/layout";
import { loginAs } from "./support/login";

const SCREENS = path.join("test-results", "screens");
test.use({ bypassCSP: true });

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

  for (const [width, height] of [
    [1366, 900],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    await expectNoSidewaysScroll(page, width);
    expect(await accessibilityProblems(page), `a ${width} px`).toEqual([]);
    await page.screenshot({ path: path.join(SCREENS, `privacidade-${width}.png`), fullPage: true });
  }

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
  await expect(page.getByTestId("lead-base-legal")).toContainText(
    "Base legal: legítimo interesse, pedido de contato pelo",
  );
  await page.getByText("Não quer contato", { exact: true }).click();
  await page.getByRole("button", { name: "Confirmar: não quer contato" }).click();
  await expect(page.getByTestId("lead-opt-out-badge")).toHaveText("Não quer contato");
  await expect(page.getByTestId("lead-opt-out")).toContainText("A pessoa pediu para não ser contatada");
  await expect(page.getByTestId("lead-opt-out")).toContainText("marcado no painel");

  for (const [width, height] of [
    [1366, 900],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    await expectNoSidewaysScroll(page, width);
    expect(await accessibilityProblems(page), `a ${width} px`).toEqual([]);
    await page.screenshot({ path: path.join(SCREENS, `lead-nao-quer-contato-${width}.png`), fullPage: true });
  }
});
