// A manager's "Reatribuir" on the lead page, as the brokers would notice it: the lead is the new
// broker's, the old broker's pending alert never goes out, the new broker gets an event to be
// alerted, and the timeline says who did it. A broker login changes nothing.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { captureDispatch } from "@/agents/conselheiro/inbound/testing/twilio-inbound";
import { createDefaultKv } from "@/agents/orquestrador/testing/orquestrador-fixture";
import { listEventosByLead } from "@/lib/db/queries/eventos";
import { insertImobiliaria } from "@/lib/db/queries/imobiliarias";
import { getLeadById } from "@/lib/db/queries/leads";
import { getMensagemById, insertMensagemOnce } from "@/lib/db/queries/mensagens";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { insertCorretor } from "@/lib/db/testing/corretores";
import { listInteracoesByLead } from "@/lib/db/testing/interacoes";
import { insertLead } from "@/lib/db/testing/leads";
import type { Kv } from "@/lib/kv/types";
import type { LeadActor } from "./lead-status";
import { reassignLeadFromPainel } from "./reassign-lead";

let t: TestDb;
let kv: Kv;
let agency: string;
let carla: string;
let rodrigo: string;
let inativo: string;
let estranho: string;
let recorder = captureDispatch();

const agora = new Date(Date.UTC(2026, 2, 10, 13, 0));
const gestor = (): LeadActor => ({
  scope: { imobiliariaId: agency, corretorId: null },
  usuarioId: "usr_g",
  nome: "Henrique",
});
const deps = () => ({ db: t.db, kv, dispatch: recorder.dispatch, now: () => agora });

beforeAll(async () => {
  t = await createTestDb();
  kv = createDefaultKv();
  agency = (await insertImobiliaria(t.db, { slug: "reatribuir-a", nome: "A" })).id;
  const outra = (await insertImobiliaria(t.db, { slug: "reatribuir-b", nome: "B" })).id;
  carla = (await insertCorretor(t.db, { imobiliariaId: agency, nome: "Carla", telefone: "+5511900040001" })).id;
  rodrigo = (await insertCorretor(t.db, { imobiliariaId: agency, nome: "Rodrigo", telefone: "+5511900040002" })).id;
  inativo = (
    await insertCorretor(t.db, { imobiliariaId: agency, nome: "Ina", telefone: "+5511900040003", ativo: false })
  ).id;
  estranho = (await insertCorretor(t.db, { imobiliariaId: outra, nome: "X", telefone: "+5511900040004" })).id;
});
beforeEach(() => {
  recorder = captureDispatch();
});
afterAll(async () => {
  await kv.close();
  await t.cleanup();
});

const leadDe = (corretorId: string | null) =>
  insertLead(t.db, {
    imobiliariaId: agency,
    corretorId,
    nome: "Maria",
    telefone: "+5511976543210",
    score: 80,
    dataPrimeiroContato: new Date(agora.getTime() - 600_000),
  });

describe("reassignLeadFromPainel", () => {
  it("hands the lead over like 'Passar adiante': pending alert cancelled, new broker's event dispatched", async () => {
    const lead = await leadDe(carla);
    const { mensagem } = await insertMensagemOnce(t.db, {
      imobiliariaId: agency,
      corretorId: carla,
      leadId: lead.id,
      tipo: "alerta",
      destino: "+5511900040001",
      corpo: "Novo lead",
      status: "agendada",
      scheduledFor: new Date(agora.getTime() + 3600_000),
      idempotencyKey: `alerta-${lead.id}`,
    });

    const r = await reassignLeadFromPainel(deps(), gestor(), { leadId: lead.id, paraCorretorId: rodrigo });
    expect(r.kind).toBe("feito");
    expect(await getLeadById(t.db, agency, lead.id)).toMatchObject({ corretorId: rodrigo, dataUltimaInteracao: agora });
    expect((await getMensagemById(t.db, mensagem.id))?.status).toBe("cancelada");
    const [evento] = await listEventosByLead(t.db, agency, lead.id);
    expect(evento).toMatchObject({ corretorId: rodrigo, processado: false, tipo: "novo_lead" });
    expect(recorder.calls).toEqual([
      expect.objectContaining({ name: "lead/received", data: expect.objectContaining({ corretorId: rodrigo }) }),
    ]);
    const [linha] = await listInteracoesByLead(t.db, lead.id);
    expect(linha).toMatchObject({
      tipo: "nota",
      conteudo: "Henrique passou o lead de Carla para Rodrigo pelo painel.",
    });
    expect(linha?.metadata).toMatchObject({
      acao: "passar_adiante",
      via: "painel",
      de: carla,
      para: rodrigo,
      mensagensCanceladas: [mensagem.id],
    });
  });

  it("gives a lead nobody had to a broker", async () => {
    const lead = await leadDe(null);
    expect((await reassignLeadFromPainel(deps(), gestor(), { leadId: lead.id, paraCorretorId: carla })).kind).toBe(
      "feito",
    );
    expect((await getLeadById(t.db, agency, lead.id))?.corretorId).toBe(carla);
  });

  it("refuses an inactive broker, another agency's, or the same one, and changes nothing", async () => {
    const lead = await leadDe(carla);
    for (const para of [inativo, estranho, carla, "cor_inexistente"]) {
      expect(await reassignLeadFromPainel(deps(), gestor(), { leadId: lead.id, paraCorretorId: para })).toEqual({
        kind: "corretor_invalido",
      });
    }
    expect((await getLeadById(t.db, agency, lead.id))?.corretorId).toBe(carla);
    expect(await listInteracoesByLead(t.db, lead.id)).toHaveLength(0);
    expect(recorder.calls).toHaveLength(0);
  });

  it("a broker login cannot reassign: their own lead is refused, another's is not found", async () => {
    const comoCarla: LeadActor = { scope: { imobiliariaId: agency, corretorId: carla }, usuarioId: "u", nome: "Carla" };
    const propria = await leadDe(carla);
    const alheia = await leadDe(rodrigo);
    expect(await reassignLeadFromPainel(deps(), comoCarla, { leadId: propria.id, paraCorretorId: rodrigo })).toEqual({
      kind: "sem_permissao",
    });
    expect(await reassignLeadFromPainel(deps(), comoCarla, { leadId: alheia.id, paraCorretorId: carla })).toEqual({
      kind: "nao_encontrado",
    });
    expect((await getLeadById(t.db, agency, propria.id))?.corretorId).toBe(carla);
    expect((await getLeadById(t.db, agency, alheia.id))?.corretorId).toBe(rodrigo);
    expect(recorder.calls).toHaveLength(0);
  });
});
