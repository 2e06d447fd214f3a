// The quota story: an admin sets a broker's daily limit to 1 on /corretores/[id], two hot
// leads from the portal go to that broker, and /mensagens shows one alert sent and one held by the
// quota (`retida_cota`). The broker is the demo's inactive one (Márcio, off for 30 days): none of his
// messages used today's quota, whatever the hour the suite runs, so "1" leaves exactly one slot. The
// demo routes by roleta: he is made active, on duty all day every day, and the only broker with a
// roleta weight, so both leads are his. Everything is put back afterwards (even when the test fails):
// the specs after this one route leads to the demo's brokers by the roleta.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { loginAs } from "./support/login";

const FIXTURE = JSON.parse(
  readFileSync(path.join("lib", "portals", "fixtures", "grupo-olx-lead-visit-request.json"), "utf8"),
) as Record<string, unknown>;
const BASIC_DEMO = `Basic ${Buffer.from("vivareal:horizonte-olx-demo-secret").toString("base64")}`;

/** What the test changes on a broker's page, as the form shows it. */
type Ajustes = {
  limite?: string;
  peso?: string;
  inicio?: string;
  fim?: string;
  dias?: number[];
  ativo?: boolean;
};

async function lerAjustes(page: Page): Promise<Required<Ajustes>> {
  const dias: number[] = [];
  for (let dia = 0; dia < 7; dia++) {
    if (await page.locator(`input[name="dias"][value="${dia}"]`).isChecked()) dias.push(dia);
  }
  return {
    limite: await page.getByLabel("Limite diário de mensagens").inputValue(),
    peso: await page.getByLabel("Peso na roleta").inputValue(),
    inicio: await page.getByLabel("Início", { exact: true }).inputValue(),
    fim: await page.getByLabel("Fim", { exact: true }).inputValue(),
    dias,
    ativo: await page.locator('input[name="ativo"]').isChecked(),
  };
}

/** Saves `ajustes` on the broker's page through the form; returns the values it had before. */
async function ajustar(page: Page, corretorId: string, ajustes: Ajustes): Promise<Required<Ajustes>> {
  await page.goto(`/corretores/${corretorId}`);
  await expect(page.getByTestId("preferencias-form")).toBeVisible();
  const antes = await lerAjustes(page);
  if (ajustes.limite !== undefined) await page.getByLabel("Limite diário de mensagens").fill(ajustes.limite);
  if (ajustes.peso !== undefined) await page.getByLabel("Peso na roleta").fill(ajustes.peso);
  if (ajustes.inicio !== undefined) await page.getByLabel("Início", { exact: true }).fill(ajustes.inicio);
  if (ajustes.fim !== undefined) await page.getByLabel("Fim", { exact: true }).fill(ajustes.fim);
  if (ajustes.dias !== undefined) {
    for (let dia = 0; dia < 7; dia++) {
      await page.locator(`input[name="dias"][value="${dia}"]`).setChecked(ajustes.dias.includes(dia));
    }
  }
  if (ajustes.ativo !== undefined) await page.locator('input[name="ativo"]').setChecked(ajustes.ativo);
  await page.getByTestId("salvar").click();
  await expect(page.getByTestId("preferencias-aviso")).toHaveText("Preferências salvas.");
  return antes;
}

/** A hot lead (a Grupo OLX visit request) from a new person; answers the lead's id. */
async function leadQuente(request: APIRequestContext, n: number): Promise<string> {
  const numero = `98${String(Date.now() + n).slice(-7)}`;
  const response = await request.post("/api/webhooks/portais/grupo-olx/horizonte", {
    headers: { authorization: BASIC_DEMO },
    data: {
      ...FIXTURE,
      originLeadId: `e2e-cota-${Date.now()}-${n}`,
      timestamp: new Date().toISOString(),
      name: `Cota Diária ${n}`,
      phone: numero,
      phoneNumber: `11${numero}`,
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { leadId: string }).leadId;
}

test("com limite diário 1, dois leads quentes do mesmo corretor dão um alerta enviado e um retido pela cota", async ({
  page,
  request,
}) => {
  test.setTimeout(240_000);
  await loginAs(page, "admin");
  await page.goto("/corretores");
  const linhas = page.getByTestId("corretor");
  await expect(linhas).toHaveCount(8);
  const inativo = linhas.filter({ hasText: "Inativo" });
  await expect(inativo, "a demo tem um corretor inativo").toHaveCount(1);
  const alvoId = (await inativo.getAttribute("data-corretor-id"))!;
  const outros = (await linhas.evaluateAll((els) => els.map((el) => el.getAttribute("data-corretor-id")!))).filter(
    (id) => id !== alvoId,
  );

  const restaurar: { id: string; ajustes: Ajustes }[] = [];
  try {
    const alvoAntes = await ajustar(page, alvoId, {
      ativo: true,
      limite: "1",
      peso: "1",
      inicio: "00:00",
      fim: "24:00",
      dias: [0, 1, 2, 3, 4, 5, 6],
    });
    restaurar.push({ id: alvoId, ajustes: alvoAntes });
    for (const id of outros) restaurar.push({ id, ajustes: { peso: (await ajustar(page, id, { peso: "0" })).peso } });

    // The team list shows the broker's new limit and hours.
    await page.goto("/corretores");
    const linha = page.locator(`[data-corretor-id="${alvoId}"]`);
    await expect(linha).toContainText(/(^|\D)1 mensage/);
    await expect(linha).toContainText("00:00–24:00");

    const leads = [await leadQuente(request, 1), await leadQuente(request, 2)];

    // The pipeline decides within seconds; the sent one passes through "pendente"/"enviando" first.
    const alertas = leads.map((leadId) =>
      page.locator(`[data-testid="mensagem"][data-tipo="alerta"][data-lead-id="${leadId}"]`),
    );
    await expect(async () => {
      await page.goto(`/mensagens?corretor=${alvoId}`);
      const status = await Promise.all(alertas.map((a) => a.getAttribute("data-status", { timeout: 1_000 })));
      expect(status.sort()).toEqual(["outbox", "retida_cota"]);
    }).toPass({ timeout: 60_000, intervals: [500, 1_000] });

    for (const alerta of alertas) await expect(alerta).toHaveAttribute("data-corretor-id", alvoId);
    const enviado = page.locator(`[data-testid="mensagem"][data-tipo="alerta"][data-status="outbox"]`);
    const retido = page.locator(`[data-testid="mensagem"][data-tipo="alerta"][data-status="retida_cota"]`);
    await expect(enviado.filter({ hasText: /Cota Diária [12]/ }).getByTestId("mensagem-status")).toHaveText(
      "Na caixa de saída",
    );
    await expect(retido.filter({ hasText: /Cota Diária [12]/ }).getByTestId("mensagem-status")).toHaveText(
      "Retida pela cota diária",
    );

    // The manager's filter for held alerts finds it too.
    await page.goto(`/mensagens?corretor=${alvoId}&status=retida_cota`);
    await expect(retido.filter({ hasText: /Cota Diária [12]/ })).toHaveCount(1);
  } finally {
    for (const { id, ajustes } of restaurar.reverse()) await ajustar(page, id, ajustes);
  }
});
