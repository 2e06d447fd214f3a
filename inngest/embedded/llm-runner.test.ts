// Integration (issue #21): a lead posted to the real portal route, the embedded runner, the real
// @ai-sdk/openai provider pointed at a local fake OpenAI-compatible server (lib/llm/testing), and the
// outbox. Nothing leaves the machine: no Twilio, no OpenAI.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createModelAnalyzer } from "@/agents/analista/conversation-analyzer/model-analyzer";
import { templateWriter } from "@/agents/conselheiro/compose/templates";
import { createWebhookAgency } from "@/app/api/webhooks/portais/testing/webhook-agency";
import { useDbForTests } from "@/lib/db/client";
import { interacoes, leads, mensagens, usoLlm } from "@/lib/db/schema";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { createKv } from "@/lib/kv";
import { createLlm } from "@/lib/llm/create-llm";
import { usageRecorder } from "@/lib/llm/record-usage";
import { plausibleAnswer, startFakeOpenAiServer, type FakeOpenAiServer } from "@/lib/llm/testing/fake-openai-server";
import { createOutboxClient } from "@/lib/whatsapp/outbox-client";
import type { PipelineDeps } from "../deps";
import { registerEmbeddedRunner } from "../dispatch";
import { DEFAULT_RUNNER_OPTIONS, EmbeddedRunner } from "./embedded-runner";
import { postLead, until as untilWithin } from "./testing/runner-harness";

let handle: TestDb;
let fake: FakeOpenAiServer;
beforeAll(async () => {
  handle = await createTestDb();
  useDbForTests(handle);
  fake = await startFakeOpenAiServer();
});
afterAll(async () => {
  registerEmbeddedRunner(undefined);
  useDbForTests(null);
  await fake.close();
  await handle.cleanup();
});

const options = { ...DEFAULT_RUNNER_OPTIONS, sweepEveryMs: 60_000, sweep: { eventGraceMs: 0, sendLeaseMs: 120_000 } };

// Generous waits: a loaded test machine must not turn the model's answer into a timeout.
function deps(): PipelineDeps {
  const now = () => new Date();
  const llm = {
    ...createLlm(
      { apiKey: "sk-teste-local", model: "modelo-falso", baseUrl: fake.baseUrl, timeoutMs: 20_000, maxRpm: 1_000 },
      usageRecorder(handle.db, now),
    ),
    alertaOrcamentoMs: 4_000,
  };
  return {
    db: handle.db,
    kv: createKv({ driver: "memory" }),
    whatsapp: createOutboxClient(),
    now,
    writer: templateWriter,
    analyzer: createModelAnalyzer(llm),
    llm,
  };
}

const postMarina = (slug: string, n: number) =>
  postLead(slug, n, { phoneNumber: `1197${String(2000000 + n).slice(-7)}`, name: `Marina Teste${n}` });

// Generous: a loaded test machine must not turn the model's answer into a timeout.
const until = (check: () => Promise<boolean>) => untilWithin(check, 30_000);

async function runLead(slug: string, n: number) {
  const runner = new EmbeddedRunner(deps(), options);
  registerEmbeddedRunner((name, data) => {
    const d = data as { eventoId?: string; corretorId?: string | null; leadId?: string };
    if (name === "lead/received") {
      runner.enqueueEvento(d.eventoId!, d.corretorId ?? null);
      runner.enqueueAnalise(d.leadId!);
    }
  });
  try {
    const leadId = await postMarina(slug, n);
    const alerta = async () => (await handle.db.select().from(mensagens).where(eq(mensagens.leadId, leadId)))[0];
    await until(async () => (await alerta())?.status === "outbox");
    await runner.idle();
    return { leadId, alerta: (await alerta())! };
  } finally {
    registerEmbeddedRunner(undefined);
    await runner.stop();
  }
}

describe("the pipeline with a model (fake OpenAI-compatible server)", () => {
  it("a posted lead's alert reaches the outbox in the model's words, with our links, and its message is analysed by the model", async () => {
    await createWebhookAgency(handle, { slug: "llm-ok", brokers: 1 });
    fake.answer = plausibleAnswer;
    const { leadId, alerta } = await runLead("llm-ok", 1);
    expect(alerta.escritaPor).toBe("modelo:modelo-falso");
    expect(alerta.corpo).toMatch(/^\*Marina quer visitar!\* Score \d+\./);
    expect(alerta.corpo).toContain("👉 Responder agora: ");
    // LGPD: the model saw a first name, never the phone or the full name.
    const enviados = fake.requests.map((r) => r.messages.map((m) => m.content).join("\n")).join("\n");
    expect(enviados).not.toMatch(/2000001|Teste1/);
    await until(async () => {
      const [i] = await handle.db.select().from(interacoes).where(eq(interacoes.leadId, leadId));
      return Boolean(i?.analisadoEm);
    });
    const [i] = await handle.db.select().from(interacoes).where(eq(interacoes.leadId, leadId));
    expect(i!.analise).toMatchObject({ motor: "modelo:modelo-falso", proximoPasso: "Ligar e marcar." });
    const uso = await handle.db.select().from(usoLlm);
    expect(uso.map((u) => u.tarefa).sort()).toEqual(["analise", "mensagem", "rascunho"]);
    const [lead] = await handle.db.select().from(leads).where(eq(leads.id, leadId));
    expect(lead!.metadata).toMatchObject({
      rascunho: { texto: "Olá, Marina! Quer marcar uma visita esta semana?", motor: "modelo:modelo-falso" },
    });
    expect(uso.every((u) => u.tokensEntrada > 0 && u.chamadas === 1)).toBe(true);
  });

  it("when the model stalls, the hot alert goes out on time in the template's words and says why", async () => {
    await createWebhookAgency(handle, { slug: "llm-lento", brokers: 1 });
    // Only the alert's writing stalls; the analysis and the draft answer.
    fake.answer = (req) => (req.messages.at(-1)!.content.includes("<dados>") ? { kind: "hang" } : plausibleAnswer(req));
    const { alerta } = await runLead("llm-lento", 2);
    // It did not wait for the model's own 20 s timeout (twice): one try of the alert's budget, then the template.
    expect(alerta.sentAt!.getTime() - alerta.criadoEm.getTime()).toBeLessThan(15_000);
    expect(alerta).toMatchObject({ escritaPor: "regras", escritaMotivo: "tempo_esgotado", status: "outbox" });
    expect(alerta.corpo).toContain("Marina Teste2");
  });

  it("a model that invents a link or drops the score is not sent: the template goes, with the reason", async () => {
    await createWebhookAgency(handle, { slug: "llm-ruim", brokers: 1 });
    fake.answer = (req) =>
      req.responseFormat
        ? { kind: "content", content: "{}" }
        : { kind: "content", content: "Marina quer visitar! Veja em https://golpe.example.com" };
    const { alerta } = await runLead("llm-ruim", 3);
    expect(alerta.escritaPor).toBe("regras");
    expect(alerta.escritaMotivo).toMatch(/^fato ausente|^link no texto/);
    expect(alerta.corpo).not.toContain("golpe");
  });
});
