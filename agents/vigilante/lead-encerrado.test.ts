// A lead marked fechado or perdido is chased no more, as the broker would notice it: the alert
// scheduled for tomorrow morning and the reminder never arrive (a later sweep finds nothing to send),
// the timeline and the message card say why, and a digest that also lists other leads still goes out.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { releaseScheduled } from "@/agents/orquestrador/release-scheduled";
import { createDefaultKv, fixedClock } from "@/agents/orquestrador/testing/orquestrador-fixture";
import { insertEvento, listEventosByLead } from "@/lib/db/queries/eventos";
import { insertImobiliaria } from "@/lib/db/queries/imobiliarias";
import { getMensagemById, insertMensagemOnce, listSendableIds } from "@/lib/db/queries/mensagens";
import type { MensagemStatus, MensagemTipo } from "@/lib/db/schema";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { insertCorretor } from "@/lib/db/testing/corretores";
import { listInteracoesByLead } from "@/lib/db/testing/interacoes";
import { insertLead } from "@/lib/db/testing/leads";
import type { Kv } from "@/lib/kv/types";
import { describeDecision } from "@/lib/painel/describe-decision";
import { changeLeadStatus, type LeadActor } from "./lead-status";

let t: TestDb;
let kv: Kv;
let agency: string;
let carla: string;

const agora = new Date(Date.UTC(2026, 2, 10, 13, 0));
const amanha = new Date(agora.getTime() + 20 * 3600_000);
const gestor = (): LeadActor => ({
  scope: { imobiliariaId: agency, corretorId: null },
  usuarioId: "usr_g",
  nome: "Henrique",
});

beforeAll(async () => {
  t = await createTestDb();
  kv = createDefaultKv();
  agency = (await insertImobiliaria(t.db, { slug: "encerrado-a", nome: "A" })).id;
  carla = (
    await insertCorretor(t.db, {
      imobiliariaId: agency,
      nome: "Carla",
      telefone: "+5511900050001",
      preferencias: { limiteDiario: 5 },
    })
  ).id;
});
afterAll(async () => {
  await kv.close();
  await t.cleanup();
});

const leadEmContato = () =>
  insertLead(t.db, {
    imobiliariaId: agency,
    corretorId: carla,
    nome: "Maria",
    telefone: "+5511976543210",
    status: "em_contato",
    score: 80,
    dataPrimeiroContato: new Date(agora.getTime() - 86_400_000),
  });

let seq = 0;
const mensagem = (
  leadId: string | null,
  tipo: MensagemTipo,
  status: MensagemStatus,
  extra: { scheduledFor?: Date; eventoIds?: string[] } = {},
) =>
  insertMensagemOnce(t.db, {
    imobiliariaId: agency,
    corretorId: carla,
    leadId,
    tipo,
    destino: "+5511900050001",
    corpo: `${tipo} ${++seq}`,
    status,
    idempotencyKey: `encerrado-${tipo}-${seq}`,
    ...extra,
  }).then((r) => r.mensagem);

describe("changeLeadStatus to fechado or perdido", () => {
  it("perdido: the scheduled alert and the reminder are cancelled and no later sweep sends them", async () => {
    const lead = await leadEmContato();
    const alerta = await mensagem(lead.id, "alerta", "agendada", { scheduledFor: amanha });
    const lembrete = await mensagem(lead.id, "lembrete", "agendada", { scheduledFor: amanha });

    const r = await changeLeadStatus(
      t.db,
      gestor(),
      { leadId: lead.id, de: "em_contato", para: "perdido", motivo: "Comprou com outra imobiliária" },
      agora,
    );
    expect(r.kind).toBe("feito");

    // The next morning's sweeps: nothing to release, nothing the sender may claim.
    const clock = fixedClock(new Date(amanha.getTime() + 60_000));
    expect(await releaseScheduled({ db: t.db, kv, now: clock.now })).toEqual({
      liberadas: [],
      retidas: [],
      adiadas: [],
    });
    const enviaveis = (await listSendableIds(t.db, clock.now())).map((m) => m.id);
    expect(enviaveis).not.toContain(alerta.id);
    expect(enviaveis).not.toContain(lembrete.id);
    for (const id of [alerta.id, lembrete.id]) {
      expect(await getMensagemById(t.db, id)).toMatchObject({
        status: "cancelada",
        erroCodigo: "lead_encerrado",
        erroMensagem: "Cancelada: o lead foi marcado como Perdido por Henrique.",
      });
    }
    const linha = (await listInteracoesByLead(t.db, lead.id)).at(-1);
    expect(linha?.conteudo).toBe(
      "Status alterado de Em contato para Perdido por Henrique: Comprou com outra imobiliária. 2 mensagens pendentes canceladas.",
    );
    expect(linha?.metadata).toMatchObject({ mensagensCanceladas: [alerta.id, lembrete.id].sort() });
  });

  it("fechado: a pending alert is cancelled and its quota slot handed back; a digest listing other leads still goes out", async () => {
    const lead = await leadEmContato();
    const alerta = await mensagem(lead.id, "alerta", "pendente", { scheduledFor: agora });
    const resumo = await mensagem(null, "agrupada", "pendente", { scheduledFor: agora });

    const r = await changeLeadStatus(t.db, gestor(), { leadId: lead.id, de: "em_contato", para: "fechado" }, agora);
    expect(r).toMatchObject({ kind: "feito", giveBackQuota: { corretorId: carla, usedAt: [agora] } });
    expect((await getMensagemById(t.db, alerta.id))?.status).toBe("cancelada");
    const enviaveis = (await listSendableIds(t.db, agora)).map((m) => m.id);
    expect(enviaveis).toContain(resumo.id);
    expect(enviaveis).not.toContain(alerta.id);
  });

  it("an event the Orquestrador has not decided yet never becomes an alert, and says why", async () => {
    const lead = await leadEmContato();
    const evento = await insertEvento(t.db, {
      imobiliariaId: agency,
      tipo: "lead_retorno",
      urgencia: "alta",
      corretorId: carla,
      leadId: lead.id,
      dataDeteccao: agora,
      titulo: "Maria voltou",
      descricao: "Maria mandou outra mensagem.",
      acaoRecomendada: "Responda a Maria.",
    });
    await changeLeadStatus(t.db, gestor(), { leadId: lead.id, de: "em_contato", para: "fechado" }, agora);
    const [salvo] = await listEventosByLead(t.db, agency, lead.id);
    expect(salvo).toMatchObject({ id: evento.id, processado: true });
    const ctx = { score: 80, limiares: { quente: 70, morno: 40 }, limiteDiario: 5, timezone: "America/Sao_Paulo" };
    expect(describeDecision(salvo?.metadata?.decisao, ctx)).toBe(
      "cancelada: o lead foi encerrado (fechado ou perdido) antes do envio",
    );
  });

  it("a move that keeps the lead open leaves its messages alone", async () => {
    const lead = await leadEmContato();
    const alerta = await mensagem(lead.id, "alerta", "agendada", { scheduledFor: amanha });
    const r = await changeLeadStatus(t.db, gestor(), { leadId: lead.id, de: "em_contato", para: "proposta" }, agora);
    expect(r).toEqual({ kind: "feito", lead: expect.objectContaining({ status: "proposta" }) });
    expect((await getMensagemById(t.db, alerta.id))?.status).toBe("agendada");
    expect((await listInteracoesByLead(t.db, lead.id)).at(-1)?.conteudo).toBe(
      "Status alterado de Em contato para Proposta por Henrique.",
    );
  });
});
