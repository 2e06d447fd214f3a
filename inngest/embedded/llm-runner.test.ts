// Integration (issue #21): a lead posted to the real portal route, the embedded runner, the real
// @ai-sdk/openai provider pointed at a local fake OpenAI-compatible server (lib/llm/testing), and the
// outbox. Nothing leaves the machine: no Twilio, no OpenAI.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createModelAnalyzer } from "@/agents/analista/conversation-analyzer/model-analyzer";
import { composeResumoSemanal } from "@/agents/conselheiro/compose/compose-resumo-semanal";
import { composeSlaLembrete } from "@/agents/conselheiro/compose/compose-sla";
import { templateWriter } from "@/agents/conselheiro/compose/templates";
import { weeklySummaryInput } from "@/agents/conselheiro/send/testing/weekly-summary";
import { createWebhookAgency } from "@/app/api/webhooks/portais/testing/webhook-agency";
import { useDbForTests } from "@/lib/db/client";
import { getMensagemById, insertMensagemOnce } from "@/lib/db/queries/mensagens";
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
const now = () => new Date();
const recorder = () => usageRecorder(handle.db, now);
let uso: ReturnType<typeof recorder> | null = null;

function deps(prazo: { alertaPrazoMs: number } = { alertaPrazoMs: 10_000 }): PipelineDeps {
  uso = recorder();
  const llm = {
    ...createLlm(
      { apiKey: "sk-teste-local", model: "modelo-falso", baseUrl: fake.baseUrl, timeoutMs: 20_000, maxRpm: 1_000 },
      uso,
    ),
    alertaOrcamentoMs: 4_000,
    ...prazo,
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

async function runLead(slug: string, n: number, pipeline: PipelineDeps = deps()) {
  const runner = new EmbeddedRunner(pipeline, options);
  registerEmbeddedRunner((name, data) => {
    const d = data as { eventoId?: string; corretorId?: string | null; leadId?: string };
    if (name === "lead/received") {
      runner.enqueueEvento({ eventoId: d.eventoId!, corretorId: d.corretorId ?? null });
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
    await uso!.flush();
    const linhas = await handle.db.select().from(usoLlm);
    expect(linhas.map((u) => u.tarefa).sort()).toEqual(["analise", "mensagem", "rascunho"]);
    const [lead] = await handle.db.select().from(leads).where(eq(leads.id, leadId));
    expect(lead!.metadata).toMatchObject({
      rascunho: { texto: "Olá, Marina! Quer marcar uma visita esta semana?", motor: "modelo:modelo-falso" },
    });
    expect(linhas.every((u) => u.tokensEntrada > 0 && u.chamadas === 1)).toBe(true);
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

  it("a hot alert decided after its deadline is gone goes out in the template's words, and the model is not asked to write it", async () => {
    await createWebhookAgency(handle, { slug: "llm-sem-tempo", brokers: 1 });
    fake.answer = plausibleAnswer;
    const antes = fake.requests.length;
    // A deadline of 1 ms: by the decision, the queues have taken all of it.
    const { alerta } = await runLead("llm-sem-tempo", 4, deps({ alertaPrazoMs: 1 }));
    expect(alerta).toMatchObject({ escritaPor: "regras", escritaMotivo: "tempo_esgotado", status: "outbox" });
    expect(alerta.corpo).toContain("Marina Teste4");
    const escritas = fake.requests.slice(antes).filter((r) => r.messages.at(-1)!.content.includes("<dados>"));
    expect(escritas).toEqual([]);
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

  it("a weekly summary and an SLA reminder go out in the model's words, every fact kept, our links after them", async () => {
    const { brokers } = await createWebhookAgency(handle, { slug: "llm-resumo", brokers: 1 });
    const corretor = brokers[0]!;
    // The fake model echoes the facts it was given, in a sentence of its own.
    fake.answer = (req) => {
      const dados = /<dados>\n([\s\S]*?)\n<\/dados>/.exec(req.messages.at(-1)!.content)?.[1] ?? "";
      const valores = dados.split("\n").map((l) => l.slice(l.indexOf(": ") + 2));
      return { kind: "content", content: `Oi! Em resumo: ${valores.join("; ")}.` };
    };
    const remetente = { corretorId: corretor.id, corretorNome: corretor.nome, imobiliariaNome: "Imobiliária" };
    const sp = (iso: string) => new Date(`${iso}-03:00`);
    const resumo = composeResumoSemanal(weeklySummaryInput(remetente));
    const links = {
      whatsapp: (l: string, c: string) => `https://lastro.test/r/wa.${l}.${c}`,
      painel: (l: string, c: string) => `https://lastro.test/r/lead.${l}.${c}`,
    };
    const lembrete = composeSlaLembrete(
      {
        lead: { id: "lead_x", nome: "Joana Prado", origem: "zap", score: 77, telefone: "+5511987654321" },
        recebidoEm: sp("2026-03-10T09:05"),
        slaMinutos: 30,
        timezone: "America/Sao_Paulo",
        remetente,
      },
      links,
    );
    const ids: string[] = [];
    for (const [tipo, composed] of [
      ["resumo_semanal", resumo],
      ["lembrete", lembrete],
    ] as const) {
      const { mensagem } = await insertMensagemOnce(handle.db, {
        imobiliariaId: corretor.imobiliariaId!,
        corretorId: corretor.id,
        tipo,
        destino: corretor.telefone,
        ...composed,
        status: "pendente",
        idempotencyKey: `llm-resumo:${tipo}`,
      });
      ids.push(mensagem.id);
    }
    const antes = fake.requests.length;
    const runner = new EmbeddedRunner(deps(), options);
    try {
      for (const id of ids) runner.enqueueSend({ mensagemId: id, corretorId: corretor.id });
      await runner.idle();
    } finally {
      await runner.stop();
    }
    // One model call per message: the send job after the write job does not ask again.
    expect(fake.requests.length - antes).toBe(2);
    const [semanal, sla] = await Promise.all(ids.map((id) => getMensagemById(handle.db, id)));
    expect(semanal).toMatchObject({ status: "outbox", escritaPor: "modelo:modelo-falso", escritaMotivo: null });
    const [inicio] = semanal!.corpo.split("\n\n");
    expect(inicio).toMatch(/^Oi! Em resumo: /);
    for (const fato of ["02/03 a 08/03", "15", "12", "80%", "1h25", "4"]) expect(inicio).toContain(fato);
    expect(semanal!.corpo).toContain("O que seus leads procuram:");
    expect(sla).toMatchObject({ status: "outbox", escritaPor: "modelo:modelo-falso", botoes: lembrete.botoes });
    const abertura = sla!.corpo.split("\n\n")[0]!;
    expect(abertura).toMatch(/^Oi! Em resumo: /);
    for (const fato of ["Joana", "77", "9h05", "30"]) expect(abertura).toContain(fato);
    expect(sla!.corpo).toContain("👉 Responder agora: https://lastro.test/r/wa.lead_x.");
    // LGPD: the reminder's prompt named the lead by first name only, never with the phone.
    const prompts = fake.requests.map((r) => r.messages.map((m) => m.content).join("\n")).join("\n");
    expect(prompts).toContain("primeiroNome: Joana");
    expect(prompts).not.toMatch(/987654321|Prado/);
  });
});
