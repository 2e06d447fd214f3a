// The lead page's actions as a broker or manager would notice them: the status moves, the timeline
// gets its line, "última interação" moves; nothing changes on a lead the login may not touch.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import type { Scope } from "@/lib/auth/scope";
import { getLeadById } from "@/lib/db/queries/leads";
import { insertImobiliaria } from "@/lib/db/queries/imobiliarias";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { insertCorretor } from "@/lib/db/testing/corretores";
import { listInteracoesByLead } from "@/lib/db/testing/interacoes";
import { insertLead } from "@/lib/db/testing/leads";
import { addLeadNote, changeLeadStatus, type LeadActor } from "./lead-status";

let t: TestDb;
let agency: string;
let carla: string;
let rodrigo: string;
let outraAgencia: string;

const recebido = new Date(Date.UTC(2026, 2, 10, 12, 0));
const agora = new Date(Date.UTC(2026, 2, 10, 12, 25));

const actor = (scope: Scope, nome = "Carla"): LeadActor => ({ scope, usuarioId: "usr_1", nome });
const comoCarla = () => actor({ imobiliariaId: agency, corretorId: carla });
const comoGestor = () => actor({ imobiliariaId: agency, corretorId: null }, "Henrique");

async function novoLead(imobiliariaId: string, corretorId: string, nome = "Maria") {
  return insertLead(t.db, {
    imobiliariaId,
    corretorId,
    nome,
    telefone: "+5511976543210",
    score: 80,
    dataPrimeiroContato: recebido,
  });
}

beforeAll(async () => {
  t = await createTestDb();
  agency = (await insertImobiliaria(t.db, { slug: "acoes-a", nome: "A" })).id;
  outraAgencia = (await insertImobiliaria(t.db, { slug: "acoes-b", nome: "B" })).id;
  carla = (await insertCorretor(t.db, { imobiliariaId: agency, nome: "Carla", telefone: "+5511900020001" })).id;
  rodrigo = (await insertCorretor(t.db, { imobiliariaId: agency, nome: "Rodrigo", telefone: "+5511900020002" })).id;
});
afterAll(() => t.cleanup());

describe("changeLeadStatus", () => {
  it("first contact from novo: em_contato, a contato_corretor line with the response time, as 'Já contatei'", async () => {
    const lead = await novoLead(agency, carla);
    const r = await changeLeadStatus(t.db, comoCarla(), { leadId: lead.id, de: "novo", para: "em_contato" }, agora);
    expect(r.kind).toBe("feito");
    const salvo = await getLeadById(t.db, agency, lead.id);
    expect(salvo?.status).toBe("em_contato");
    expect(salvo?.dataUltimaInteracao).toEqual(agora);
    const [linha] = await listInteracoesByLead(t.db, lead.id);
    expect(linha).toMatchObject({ tipo: "contato_corretor", data: agora });
    expect(linha?.metadata).toMatchObject({ via: "painel", tempoPrimeiraRespostaMin: 25, de: "novo" });
  });

  it("a funnel move writes a mudanca_status line and moves data_ultima_interacao", async () => {
    const lead = await novoLead(agency, carla);
    await changeLeadStatus(t.db, comoCarla(), { leadId: lead.id, de: "novo", para: "em_contato" }, agora);
    const depois = new Date(agora.getTime() + 3600_000);
    const r = await changeLeadStatus(
      t.db,
      comoCarla(),
      { leadId: lead.id, de: "em_contato", para: "visita_agendada" },
      depois,
    );
    expect(r.kind).toBe("feito");
    const salvo = await getLeadById(t.db, agency, lead.id);
    expect(salvo).toMatchObject({ status: "visita_agendada", dataUltimaInteracao: depois });
    const linhas = await listInteracoesByLead(t.db, lead.id);
    expect(linhas.at(-1)).toMatchObject({
      tipo: "mudanca_status",
      conteudo: "Status alterado de Em contato para Visita agendada por Carla.",
    });
    expect(linhas.at(-1)?.metadata).toMatchObject({ de: "em_contato", para: "visita_agendada" });
  });

  it("a visit's date and time go into the timeline line, on the agency's clock", async () => {
    const lead = await novoLead(agency, carla);
    const visitaEm = new Date(Date.UTC(2026, 2, 14, 13, 0)); // 10:00 in São Paulo
    await changeLeadStatus(
      t.db,
      comoCarla(),
      { leadId: lead.id, de: "novo", para: "visita_agendada", visitaEm },
      agora,
    );
    const [linha] = await listInteracoesByLead(t.db, lead.id);
    expect(linha?.conteudo).toBe(
      "Status alterado de Novo para Visita agendada por Carla: visita marcada para 14/03/2026 10:00.",
    );
    expect(linha?.metadata).toMatchObject({ visitaEm: visitaEm.toISOString(), tempoPrimeiraRespostaMin: 25 });
  });

  it("perdido needs a reason: without one it is refused and nothing changes", async () => {
    const lead = await novoLead(agency, carla);
    await expect(
      changeLeadStatus(t.db, comoCarla(), { leadId: lead.id, de: "novo", para: "perdido", motivo: "  " }, agora),
    ).rejects.toBeInstanceOf(ZodError);
    expect((await getLeadById(t.db, agency, lead.id))?.status).toBe("novo");
    expect(await listInteracoesByLead(t.db, lead.id)).toHaveLength(0);

    const r = await changeLeadStatus(
      t.db,
      comoCarla(),
      { leadId: lead.id, de: "novo", para: "perdido", motivo: "Comprou com outra imobiliária" },
      agora,
    );
    expect(r.kind).toBe("feito");
    const [linha] = await listInteracoesByLead(t.db, lead.id);
    expect(linha?.conteudo).toBe("Status alterado de Novo para Perdido por Carla: Comprou com outra imobiliária");
    expect(linha?.metadata).toMatchObject({ motivo: "Comprou com outra imobiliária", para: "perdido" });
  });

  it("a broker cannot act on another broker's lead: not found, nothing changes", async () => {
    const lead = await novoLead(agency, rodrigo);
    const r = await changeLeadStatus(t.db, comoCarla(), { leadId: lead.id, de: "novo", para: "em_contato" }, agora);
    expect(r).toEqual({ kind: "nao_encontrado" });
    expect((await getLeadById(t.db, agency, lead.id))?.status).toBe("novo");
    expect(await listInteracoesByLead(t.db, lead.id)).toHaveLength(0);
    const nota = await addLeadNote(t.db, comoCarla(), { leadId: lead.id, texto: "oi" }, agora);
    expect(nota).toEqual({ kind: "nao_encontrado" });
    expect(await listInteracoesByLead(t.db, lead.id)).toHaveLength(0);
    // The manager may.
    const g = await changeLeadStatus(t.db, comoGestor(), { leadId: lead.id, de: "novo", para: "em_contato" }, agora);
    expect(g.kind).toBe("feito");
  });

  it("another agency's lead is not found, even for a manager", async () => {
    const estranho = (
      await insertCorretor(t.db, { imobiliariaId: outraAgencia, nome: "X", telefone: "+5511900020003" })
    ).id;
    const lead = await novoLead(outraAgencia, estranho);
    const r = await changeLeadStatus(t.db, comoGestor(), { leadId: lead.id, de: "novo", para: "em_contato" }, agora);
    expect(r).toEqual({ kind: "nao_encontrado" });
    expect((await getLeadById(t.db, outraAgencia, lead.id))?.status).toBe("novo");
    expect(
      await changeLeadStatus(t.db, comoGestor(), { leadId: "lead_inexistente", de: "novo", para: "proposta" }, agora),
    ).toEqual({
      kind: "nao_encontrado",
    });
  });

  it("a move made on a stale page does not overwrite the current status", async () => {
    const lead = await novoLead(agency, carla);
    await changeLeadStatus(t.db, comoGestor(), { leadId: lead.id, de: "novo", para: "proposta" }, agora);
    const r = await changeLeadStatus(t.db, comoCarla(), { leadId: lead.id, de: "novo", para: "em_contato" }, agora);
    expect(r).toEqual({ kind: "status_mudou", atual: "proposta" });
    expect((await getLeadById(t.db, agency, lead.id))?.status).toBe("proposta");
  });
});

describe("addLeadNote", () => {
  it("writes a nota with its author and moves data_ultima_interacao only", async () => {
    const lead = await novoLead(agency, carla);
    const r = await addLeadNote(t.db, comoCarla(), { leadId: lead.id, texto: "  Prefere ligação à noite. " }, agora);
    expect(r.kind).toBe("feito");
    const salvo = await getLeadById(t.db, agency, lead.id);
    expect(salvo).toMatchObject({ status: "novo", dataUltimaInteracao: agora });
    const [linha] = await listInteracoesByLead(t.db, lead.id);
    expect(linha).toMatchObject({ tipo: "nota", conteudo: "Prefere ligação à noite." });
    expect(linha?.metadata).toMatchObject({ autor: "Carla", via: "painel" });
  });

  it("an empty note is refused", async () => {
    const lead = await novoLead(agency, carla);
    await expect(addLeadNote(t.db, comoCarla(), { leadId: lead.id, texto: "   " }, agora)).rejects.toBeInstanceOf(
      ZodError,
    );
    expect(await listInteracoesByLead(t.db, lead.id)).toHaveLength(0);
  });
});
