// A lead posted through the real portal route is analysed by the analyze-conversation function
// (@inngest/test runs the real step against a real database), once however often it is triggered;
// a broker's note is analysed on its own trigger; the sweep reads what no trigger reached.
import { InngestTestEngine } from "@inngest/test";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWebhookAgency } from "@/app/api/webhooks/portais/testing/webhook-agency";
import { useDbForTests } from "@/lib/db/client";
import { insertInteracao } from "@/lib/db/queries/interacoes";
import { eventos, interacoes } from "@/lib/db/schema";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { postLead as postLeadToRoute } from "../embedded/testing/runner-harness";
import { analyzeConversation } from "./analyze-conversation";
import { sweepPipeline } from "./sweep";

let handle: TestDb;
beforeAll(async () => {
  handle = await createTestDb();
  useDbForTests(handle);
  await createWebhookAgency(handle, { slug: "analise-fn", brokers: 1 });
});
afterAll(async () => {
  useDbForTests(null);
  await handle.cleanup();
});

async function postLead(n: number, message: string) {
  const leadId = await postLeadToRoute("analise-fn", n, {
    phoneNumber: `1195${String(1000000 + n).slice(-7)}`,
    message,
  });
  const [evento] = await handle.db.select().from(eventos).where(eq(eventos.leadId, leadId));
  return { leadId, evento: evento! };
}

const rowsOf = (leadId: string) => handle.db.select().from(interacoes).where(eq(interacoes.leadId, leadId));

describe("analyze-conversation", () => {
  it("the portal's message is analysed after lead/received: sentimento filled, the result stored once", async () => {
    const { leadId, evento } = await postLead(1, "Não tenho mais interesse, já comprei outro 😞");
    expect((await rowsOf(leadId))[0]).toMatchObject({ sentimento: null, analisadoEm: null });

    const run = () =>
      new InngestTestEngine({
        function: analyzeConversation,
        events: [
          {
            name: "lead/received",
            data: { eventoId: evento.id, leadId, imobiliariaId: evento.imobiliariaId!, corretorId: evento.corretorId },
          },
        ],
      }).execute();
    const first = await run();
    expect(first.error).toBeUndefined();
    expect(first.result).toEqual({ lidas: 1, gravadas: 1 });
    const [row] = await rowsOf(leadId);
    expect(row).toMatchObject({
      tipo: "mensagem_portal",
      sentimento: "negativo",
      analise: { intencao: "desistencia", sentimento: "negativo", motor: "regras-v1" },
    });

    // A retried or duplicated trigger finds nothing left to read and writes nothing.
    expect((await run()).result).toEqual({ lidas: 0, gravadas: 0 });
    expect((await rowsOf(leadId))[0]?.analisadoEm).toEqual(row!.analisadoEm);
  });

  it("a broker's note is analysed on interacao/recorded", async () => {
    const { leadId } = await postLead(2, "Tenho interesse");
    await insertInteracao(handle.db, {
      leadId,
      tipo: "nota",
      data: new Date(),
      conteudo: "Cliente achou o valor alto, vai pensar.",
    });
    const { result } = await new InngestTestEngine({
      function: analyzeConversation,
      events: [{ name: "interacao/recorded", data: { leadId } }],
    }).execute();
    expect(result).toEqual({ lidas: 2, gravadas: 2 });
    const nota = (await rowsOf(leadId)).find((i) => i.tipo === "nota");
    expect(nota).toMatchObject({
      sentimento: "negativo",
      analise: { intencao: "preco_negociacao", objecoes: ["preco"] },
    });
  });

  it("refuses a payload without a lead", async () => {
    const { error } = await new InngestTestEngine({
      function: analyzeConversation,
      events: [{ name: "interacao/recorded", data: {} }],
    }).execute();
    expect(String((error as Error)?.message ?? error)).toMatch(/leadId/);
  });

  it("the sweep analyses what no trigger reached", async () => {
    const { leadId } = await postLead(3, "Aceita permuta por um terreno?");
    const { result } = await new InngestTestEngine({
      function: sweepPipeline,
      events: [{ name: "inngest/scheduled.timer", data: {} }],
      steps: [{ id: "disparar", handler: () => ({ ids: [] }) }],
    }).execute();
    expect((result as { analisadas: number }).analisadas).toBeGreaterThanOrEqual(1);
    expect((await rowsOf(leadId))[0]).toMatchObject({ sentimento: "neutro", analise: { intencao: "permuta" } });
  });
});
