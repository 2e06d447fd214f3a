// The sweep's catch-up for reply drafts a lost analysis turn did not write. The model is the AI SDK's
// MockLanguageModelV3 (lib/llm/testing/mock-llm.ts): no network here.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyzeBacklog } from "@/inngest/steps";
import { insertCorretor } from "@/lib/db/testing/corretores";
import { insertLead } from "@/lib/db/testing/leads";
import { insertImobiliaria } from "@/lib/db/queries/imobiliarias";
import { insertInteracao } from "@/lib/db/queries/interacoes";
import { getLeadById, saveRascunhoLead } from "@/lib/db/queries/leads";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { mockLlm } from "@/lib/llm/testing/mock-llm";
import { escreverRascunhosPendentes } from "./rascunhos-pendentes";

let t: TestDb;
let imobiliariaId: string;
let corretorId: string;
const agora = new Date("2026-03-10T12:00:00Z");
const now = () => agora;
const minutosAtras = (m: number) => new Date(agora.getTime() - m * 60_000);
let seq = 0;

beforeAll(async () => {
  t = await createTestDb();
  imobiliariaId = (await insertImobiliaria(t.db, { slug: "pendentes", nome: "Imobiliária Sol" })).id;
  corretorId = (await insertCorretor(t.db, { imobiliariaId, nome: "Paula Rocha", telefone: "+5511900070101" })).id;
});
afterAll(async () => t?.cleanup());

async function leadRecebido(minutos: number, comCorretor = true) {
  const lead = await insertLead(t.db, {
    imobiliariaId,
    corretorId: comCorretor ? corretorId : null,
    nome: `Carlos ${++seq}`,
    telefone: `+55119877701${String(seq).padStart(2, "0")}`,
    origem: "zap",
    status: "novo",
    dataPrimeiroContato: minutosAtras(minutos),
  });
  await insertInteracao(t.db, {
    leadId: lead.id,
    tipo: "mensagem_portal",
    data: minutosAtras(minutos),
    conteudo: "quero visitar no sábado",
  });
  return lead;
}

const rascunhoDe = async (id: string) =>
  ((await getLeadById(t.db, imobiliariaId, id))!.metadata as { rascunho?: { texto: string; motor: string } } | null)
    ?.rascunho;

describe("reply drafts left behind", () => {
  it("the sweep asks the model for new leads left without a draft, and for no other", async () => {
    const esquecido = await leadRecebido(10);
    const recente = await leadRecebido(0.5); // its analysis turn may still be waiting
    const antigo = await leadRecebido(2 * 24 * 60); // the broker has long written or called
    const semCorretor = await leadRecebido(10, false);
    const comRascunho = await leadRecebido(10);
    await saveRascunhoLead(t.db, comRascunho.id, {
      texto: "já escrito",
      motor: "modelo:mock-1",
      em: agora.toISOString(),
    });

    const { llm, prompts } = mockLlm((prompt) => `Oi, ${prompt.match(/Cliente: (\S+)/)![1]}! Sábado às 10h fica bom?`);
    expect(await escreverRascunhosPendentes({ db: t.db, llm, now })).toBe(1);
    expect(prompts).toHaveLength(1);
    expect(await rascunhoDe(esquecido.id)).toMatchObject({
      motor: "modelo:mock-1",
      texto: "Oi, Carlos! Sábado às 10h fica bom?",
    });
    for (const lead of [recente, antigo, semCorretor]) expect(await rascunhoDe(lead.id)).toBeUndefined();
    expect((await rascunhoDe(comRascunho.id))!.texto).toBe("já escrito");

    // Each is asked once: the next sweep finds nothing left.
    expect(await escreverRascunhosPendentes({ db: t.db, llm, now })).toBe(0);
    expect(prompts).toHaveLength(1);
  });

  it("a model that fails stores the rules' draft, so the lead is not asked about again every sweep", async () => {
    const lead = await leadRecebido(20);
    const { llm, prompts } = mockLlm(() => new Error("servidor fora do ar"));
    await escreverRascunhosPendentes({ db: t.db, llm, now });
    expect((await rascunhoDe(lead.id))!.motor).toMatch(/^regras/);
    const pedidos = prompts.length;
    await escreverRascunhosPendentes({ db: t.db, llm, now });
    expect(prompts).toHaveLength(pedidos);
  });

  it("analyzeBacklog writes them only with a model: without one the page builds the rules' draft itself", async () => {
    const lead = await leadRecebido(15);
    expect((await analyzeBacklog({ db: t.db, now })).rascunhos).toBe(0);
    expect(await rascunhoDe(lead.id)).toBeUndefined();
    const { llm } = mockLlm(() => "Oi, Carlos! Podemos visitar no sábado?");
    expect((await analyzeBacklog({ db: t.db, now, llm })).rascunhos).toBe(1);
    expect((await rascunhoDe(lead.id))!.motor).toBe("modelo:mock-1");
  });
});
