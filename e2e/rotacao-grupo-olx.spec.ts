// The issue's rotation story on the Grupo OLX card: an admin rotates the credential on
// /configuracoes/integracoes, the old secret gets 401 from that moment, the new one 201, and
// /configuracoes/auditoria shows who rotated it. It runs on the e2e server's second agency
// (e2e/support/segunda-imobiliaria.ts) rather than on the demo: the other specs post Grupo OLX leads
// with the demo's documented secret, which a rotation cannot bring back. A second agency keeps every
// spec independent of the order files run in; a "run this last" rule would break with the next spec.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { fillLogin } from "./support/login";
import { SEGUNDA_IMOBILIARIA as A } from "./support/segunda-imobiliaria";

const URL_GRUPO_OLX = `/api/webhooks/portais/grupo-olx/${A.slug}`;
const FIXTURE = JSON.parse(
  readFileSync(path.join("lib", "portals", "fixtures", "grupo-olx-lead-contact-form.json"), "utf8"),
) as Record<string, unknown>;

let pessoa = 0;
/** A delivery from a new person each time: the same one again would be a 200 "duplicado" or "vinculado". */
function entrega(request: APIRequestContext, segredo: string) {
  pessoa += 1;
  const numero = `97${String(Date.now()).slice(-6)}${pessoa}`;
  return request.post(URL_GRUPO_OLX, {
    headers: { authorization: `Basic ${Buffer.from(`vivareal:${segredo}`).toString("base64")}` },
    data: {
      ...FIXTURE,
      originLeadId: `e2e-rotacao-${Date.now()}-${pessoa}`,
      timestamp: new Date().toISOString(),
      email: `rotacao-${Date.now()}-${pessoa}@example.com`,
      ddd: "11",
      phone: numero,
      phoneNumber: `11${numero}`,
    },
  });
}

test("o administrador troca o segredo do Grupo OLX: o antigo recebe 401, o novo 201, e a auditoria mostra a troca", async ({
  page,
  request,
}) => {
  expect((await entrega(request, A.segredoGrupoOlx)).status(), "o segredo inicial funciona").toBe(201);

  await fillLogin(page, A.admin.email, A.admin.senha);
  await expect(page).toHaveURL(/\/visao-geral$/);
  await page.goto("/configuracoes/integracoes");
  const cartao = page.locator('[data-testid="integracao"][data-portal="grupo-olx"]');
  await expect(cartao.getByTestId("integracao-url")).toHaveText(new RegExp(`${URL_GRUPO_OLX}$`));

  await cartao.getByRole("button", { name: "Trocar segredo" }).click();
  await cartao.getByRole("button", { name: "Confirmar troca" }).click();
  const novo = (await cartao.getByTestId("segredo-valor").textContent())!.trim();
  expect(novo).not.toBe(A.segredoGrupoOlx);

  const antiga = await entrega(request, A.segredoGrupoOlx);
  expect(antiga.status(), await antiga.text()).toBe(401);
  const nova = await entrega(request, novo);
  expect(nova.status(), await nova.text()).toBe(201);

  await page.goto("/configuracoes/auditoria?acao=integracao.segredo_trocado");
  const linha = page.getByTestId("auditoria").first();
  await expect(linha.getByTestId("auditoria-oque")).toHaveText("Credencial do portal Grupo OLX trocada");
  await expect(linha.getByTestId("auditoria-quem")).toHaveText(A.admin.nome);
  await expect(page.getByTestId("auditoria-resultados")).not.toContainText(novo);
  await expect(page.getByTestId("auditoria-resultados")).not.toContainText(A.segredoGrupoOlx);
});
