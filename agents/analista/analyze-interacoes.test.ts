// The analysis step on a real database: what people wrote is read, system lines are not, two
// runners at once write each row once, and any ConversationAnalyzer (a model later) fits the port.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Analise, ConversationAnalyzer } from "@/lib/domain/analise-conversa";
import { insertImobiliaria } from "@/lib/db/queries/imobiliarias";
import { insertInteracao } from "@/lib/db/queries/interacoes";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { listInteracoesByLead } from "@/lib/db/testing/interacoes";
import { insertLead } from "@/lib/db/testing/leads";
import { analyzeInteracoes } from "./analyze-interacoes";

let t: TestDb;
let n = 0;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.cleanup();
});

async function leadCom(linhas: { tipo: "mensagem_portal" | "nota" | "mudanca_status"; conteudo: string }[]) {
  n += 1;
  const imob = await insertImobiliaria(t.db, { slug: `analise-${n}`, nome: `Imobiliária ${n}` });
  const lead = await insertLead(t.db, { imobiliariaId: imob.id, nome: "Ana Lima", telefone: `+55119870000${10 + n}` });
  for (const l of linhas) await insertInteracao(t.db, { leadId: lead.id, data: new Date(), ...l });
  return lead.id;
}

const AGORA = new Date("2026-12-05T12:00:00Z");
const deps = () => ({ db: t.db, now: () => AGORA });

describe("analyzeInteracoes", () => {
  it("reads messages and notes, leaves status lines alone, and fills sentimento", async () => {
    const leadId = await leadCom([
      { tipo: "mensagem_portal", conteudo: "Adorei! Aceita permuta?" },
      { tipo: "mudanca_status", conteudo: "Status alterado de Novo para Em contato por Ana." },
      { tipo: "nota", conteudo: "Cliente achou muito longe do trabalho" },
    ]);
    expect(await analyzeInteracoes(deps(), { leadId })).toEqual({ lidas: 2, gravadas: 2 });
    const rows = await listInteracoesByLead(t.db, leadId);
    expect(rows.map((r) => [r.tipo, r.sentimento, (r.analise as Analise | null)?.intencao ?? null])).toEqual([
      ["mensagem_portal", "positivo", "permuta"],
      ["mudanca_status", null, null],
      ["nota", "negativo", "outro"],
    ]);
    expect((rows[2]!.analise as Analise).objecoes).toEqual(["localizacao"]);
    expect(rows[0]!.analisadoEm).toEqual(AGORA);
  });

  it("two runners at once write each row once", async () => {
    const leadId = await leadCom([
      { tipo: "mensagem_portal", conteudo: "Quero visitar" },
      { tipo: "nota", conteudo: "Liguei, não atendeu" },
    ]);
    const results = await Promise.all([analyzeInteracoes(deps(), { leadId }), analyzeInteracoes(deps(), { leadId })]);
    expect(results.reduce((sum, r) => sum + r.gravadas, 0)).toBe(2);
    expect(await analyzeInteracoes(deps(), { leadId })).toEqual({ lidas: 0, gravadas: 0 });
  });

  it("takes any ConversationAnalyzer: its result and its engine name are stored", async () => {
    const leadId = await leadCom([{ tipo: "mensagem_portal", conteudo: "Olá" }]);
    const modelo: ConversationAnalyzer = {
      analyze: async () => ({
        intencao: "interesse",
        sentimento: "positivo",
        objecoes: [],
        sinais: [],
        proximoPasso: "Chamar no WhatsApp.",
        motor: "modelo-teste",
      }),
    };
    await analyzeInteracoes({ ...deps(), analyzer: modelo }, { leadId });
    const [row] = await listInteracoesByLead(t.db, leadId);
    expect(row).toMatchObject({ sentimento: "positivo", analise: { motor: "modelo-teste", intencao: "interesse" } });
  });

  it("refuses a result outside the schema (a model's invention) and writes nothing", async () => {
    const leadId = await leadCom([{ tipo: "mensagem_portal", conteudo: "Olá" }]);
    const inventado = { analyze: async () => ({ intencao: "comprar_hoje" }) } as unknown as ConversationAnalyzer;
    await expect(analyzeInteracoes({ ...deps(), analyzer: inventado }, { leadId })).rejects.toThrow(/intencao/);
    expect((await listInteracoesByLead(t.db, leadId))[0]).toMatchObject({ analise: null, sentimento: null });
  });
});
