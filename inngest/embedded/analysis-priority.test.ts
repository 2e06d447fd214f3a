// Integration (issue #21): with a slow model, a burst of hot leads is decided and alerted before any
// conversation analysis asks the model, and every analysis (with its reply draft) still runs after.
// The model is a local fake OpenAI-compatible server; WhatsApp is the outbox. Nothing leaves the machine.
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createModelAnalyzer } from "@/agents/analista/conversation-analyzer/model-analyzer";
import { templateWriter } from "@/agents/conselheiro/compose/templates";
import { createWebhookAgency } from "@/app/api/webhooks/portais/testing/webhook-agency";
import { useDbForTests } from "@/lib/db/client";
import { interacoes, leads, mensagens } from "@/lib/db/schema";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { createKv } from "@/lib/kv";
import { createLlm } from "@/lib/llm/create-llm";
import { plausibleAnswer, startFakeOpenAiServer, type FakeOpenAiServer } from "@/lib/llm/testing/fake-openai-server";
import { createOutboxClient } from "@/lib/whatsapp/outbox-client";
import type { WhatsAppClient } from "@/lib/whatsapp/types";
import { registerEmbeddedRunner } from "../dispatch";
import { DEFAULT_RUNNER_OPTIONS, EmbeddedRunner } from "./embedded-runner";
import { postLead } from "./testing/runner-harness";

let handle: TestDb;
let fake: FakeOpenAiServer;
beforeAll(async () => {
  handle = await createTestDb();
  useDbForTests(handle);
  // As the web process of worker mode: dispatch reaches no runner, so the burst arrives in one poll.
  registerEmbeddedRunner(undefined);
  fake = await startFakeOpenAiServer();
});
afterAll(async () => {
  useDbForTests(null);
  await fake.close();
  await handle.cleanup();
});

const N = 6;

describe("embedded runner: analyses wait for the alerts", () => {
  it("a burst of hot leads: every alert is sent before the first analysis asks the model; then every lead is analysed", async () => {
    await createWebhookAgency(handle, { slug: "prioridade", brokers: 3 });
    const order: string[] = [];
    fake.answer = (req) => {
      const prompt = req.messages.at(-1)!.content;
      order.push(
        req.responseFormat ? "modelo:analise" : prompt.includes("<dados>") ? "modelo:alerta" : "modelo:rascunho",
      );
      return { ...(plausibleAnswer(req) as { kind: "content"; content: string }), delayMs: 150 };
    };
    const outbox = createOutboxClient();
    const whatsapp: WhatsAppClient = {
      mode: outbox.mode,
      send: async (msg) => (order.push("envio"), outbox.send(msg)),
      findRecent: (q) => outbox.findRecent(q),
    };
    // Generous limits: a loaded test machine must not turn the model's answer into a timeout.
    const llm = {
      ...createLlm({
        apiKey: "sk-teste-local",
        model: "modelo-falso",
        baseUrl: fake.baseUrl,
        timeoutMs: 20_000,
        maxRpm: 1_000,
      }),
      alertaOrcamentoMs: 4_000,
      alertaPrazoMs: 60_000,
    };
    const runner = new EmbeddedRunner(
      {
        db: handle.db,
        kv: createKv({ driver: "memory" }),
        whatsapp,
        now: () => new Date(),
        writer: templateWriter,
        analyzer: createModelAnalyzer(llm),
        llm,
      },
      { ...DEFAULT_RUNNER_OPTIONS, sweepEveryMs: 60_000, retryBaseMs: 10, analyzeConcurrency: 2 },
    );
    try {
      const leadIds: string[] = [];
      for (let i = 1; i <= N; i++)
        leadIds.push(await postLead("prioridade", i, { phoneNumber: `1195${String(3000000 + i).slice(-7)}` }));
      expect(await runner.pollEventos()).toBe(N);
      await runner.idle();

      const alertas = await handle.db.select().from(mensagens).where(inArray(mensagens.leadId, leadIds));
      expect(alertas.map((m) => `${m.tipo}/${m.status}`)).toEqual(Array(N).fill("alerta/outbox"));
      const envios = order.filter((e) => e === "envio");
      expect(envios).toHaveLength(N);
      const primeiraAnalise = order.findIndex((e) => e === "modelo:analise" || e === "modelo:rascunho");
      expect(primeiraAnalise).toBeGreaterThan(order.lastIndexOf("envio"));

      // Deferred, not dropped: each lead's message analysed by the model, and its reply draft written.
      const lidas = await handle.db.select().from(interacoes).where(inArray(interacoes.leadId, leadIds));
      expect(lidas).toHaveLength(N);
      for (const i of lidas) expect(i.analise).toMatchObject({ motor: "modelo:modelo-falso" });
      for (const id of leadIds) {
        const [lead] = await handle.db.select().from(leads).where(eq(leads.id, id));
        expect(lead!.metadata).toMatchObject({ rascunho: { motor: "modelo:modelo-falso" } });
      }
    } finally {
      await runner.stop();
    }
  });
});
