// A visit scheduled from the lead page, as the broker lives it: the reminder two hours before, "Como
// foi a visita?" after it, each answer moving the lead; a new date; two runners at once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleBrokerReply } from "@/agents/conselheiro/inbound/handle-broker-reply";
import {
  captureDispatch,
  createInboundScene,
  createLead,
  newSid,
  twilioForm,
  withSid,
  type InboundScene,
} from "@/agents/conselheiro/inbound/testing/twilio-inbound";
import { changeLeadStatus, type LeadActor } from "@/agents/vigilante/lead-status";
import { updatePreferencias } from "@/lib/db/queries/corretores";
import { listEventosByLead } from "@/lib/db/queries/eventos";
import { getLeadById, type Lead } from "@/lib/db/queries/leads";
import { listMensagens } from "@/lib/db/queries/mensagens";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { listInteracoesByLead } from "@/lib/db/testing/interacoes";
import { sweepVisitas } from "./sweep-visitas";

const local = (dia: string, hora: string) => new Date(`${dia}T${hora}:00-03:00`);
const WED_1000 = local("2026-11-25", "10:00");

let t: TestDb;
let s: InboundScene;
let actor: LeadActor;
beforeAll(async () => {
  t = await createTestDb();
  s = await createInboundScene(t.db, { soPaulo: true });
  actor = { scope: { imobiliariaId: s.agency.id, corretorId: s.paulo.id }, usuarioId: "usr_paulo", nome: "Paulo" };
});
afterAll(async () => void (await t?.cleanup()));

async function leadComVisita(nome: string, visitaEm: Date): Promise<Lead> {
  const lead = await createLead(t.db, s.agency, s.paulo.id, { at: local("2026-11-24", "09:00"), nome });
  await changeLeadStatus(t.db, actor, { leadId: lead.id, de: "novo", para: "em_contato" }, WED_1000);
  const r = await changeLeadStatus(
    t.db,
    actor,
    { leadId: lead.id, de: "em_contato", para: "visita_agendada", visitaEm },
    WED_1000,
  );
  expect(r.kind).toBe("feito");
  return lead;
}

const sweepAt = (at: Date) => sweepVisitas({ db: t.db, now: () => at });
const mensagensDe = async (lead: Lead) =>
  (await listMensagens(t.db, s.agency.id, { corretorId: s.paulo.id, limit: 200 }))
    .filter((m) => m.leadId === lead.id && (m.tipo === "lembrete_visita" || m.tipo === "pos_visita"))
    .sort((a, b) => a.criadoEm.getTime() - b.criadoEm.getTime());

async function tap(payload: string, texto: string, at: Date) {
  const params = withSid(
    twilioForm("inbound-button-reply", { ButtonPayload: payload, ButtonText: texto, Body: texto }),
    newSid(),
  );
  return handleBrokerReply({ db: t.db, kv: null, now: () => at, dispatch: captureDispatch().dispatch }, params);
}

describe("visit reminders", () => {
  it("reminds the broker two hours before, once, even with two runners sweeping at once", async () => {
    const lead = await leadComVisita("Maria Souza", local("2026-11-27", "15:00"));
    expect((await getLeadById(t.db, s.agency.id, lead.id))?.visitaEm).toEqual(local("2026-11-27", "15:00"));
    await sweepAt(local("2026-11-27", "12:59"));
    expect(await mensagensDe(lead)).toEqual([]);

    await Promise.all([sweepAt(local("2026-11-27", "13:00")), sweepAt(local("2026-11-27", "13:00"))]);
    await sweepAt(local("2026-11-27", "13:05"));
    const [lembrete, ...outras] = await mensagensDe(lead);
    expect(outras).toEqual([]);
    expect(lembrete).toMatchObject({
      tipo: "lembrete_visita",
      status: "pendente",
      destino: s.paulo.telefone,
      botoes: [],
    });
    expect(lembrete!.corpo.split("\n")[0]).toBe("📅 *Visita com Maria Souza: 27/11 às 15h*");
    const eventos = (await listEventosByLead(t.db, s.agency.id, lead.id)).filter((e) => e.tipo === "lembrete_visita");
    expect(eventos).toHaveLength(1);
    expect(eventos[0]).toMatchObject({ processado: true, titulo: "Lembrete da visita com Maria Souza" });
    expect(eventos[0]!.descricao).toBe(
      "Visita marcada para 27/11/2026 15:00: lembrete enviado ao corretor Paulo Corretor.",
    );
  });

  it("asks how it went an hour after, with quick replies; 'Visita realizada' moves the lead, once", async () => {
    const lead = await leadComVisita("Joana Prado", local("2026-11-27", "10:00"));
    await sweepAt(local("2026-11-27", "10:59"));
    expect((await mensagensDe(lead)).map((m) => m.tipo)).toEqual([]); // 08:00 reminder window long gone: none
    await sweepAt(local("2026-11-27", "11:00"));
    await sweepAt(local("2026-11-27", "11:01"));
    const pos = (await mensagensDe(lead)).filter((m) => m.tipo === "pos_visita");
    expect(pos).toHaveLength(1);
    expect(pos[0]).toMatchObject({ status: "pendente" });
    expect(pos[0]!.corpo.split("\n")[0]).toBe("🏠 *Como foi a visita com Joana Prado?*");
    expect(pos[0]!.botoes).toEqual([
      { id: `visita_ok:${lead.id}`, titulo: "Visita realizada" },
      { id: `visita_nao:${lead.id}`, titulo: "Não foi / perdido" },
      { id: `remarcar:${lead.id}`, titulo: "Remarcar" },
    ]);

    const at = local("2026-11-27", "11:20");
    expect(await tap(`visita_ok:${lead.id}`, "Visita realizada", at)).toMatchObject({
      outcome: "respondida",
      acao: "visita_realizada",
      leadId: lead.id,
    });
    expect((await getLeadById(t.db, s.agency.id, lead.id))?.status).toBe("visita_realizada");
    const linha = (await listInteracoesByLead(t.db, lead.id)).at(-1);
    expect(linha).toMatchObject({ tipo: "visita", data: at });
    expect(linha!.conteudo).toBe(
      "Paulo Corretor confirmou pelo WhatsApp que a visita de 27/11/2026 10:00 foi realizada.",
    );
    // A second tap changes nothing.
    expect(await tap(`visita_ok:${lead.id}`, "Visita realizada", at)).toMatchObject({ acao: "lead_ja_estava" });
    await sweepAt(local("2026-11-27", "12:00"));
    expect((await mensagensDe(lead)).filter((m) => m.tipo === "pos_visita")).toHaveLength(1);
  });

  it("'Não foi / perdido' moves the lead to perdido and drops what still waited about it", async () => {
    const lead = await leadComVisita("Rita Lobo", local("2026-11-27", "16:00"));
    await sweepAt(local("2026-11-27", "17:00"));
    const at = local("2026-11-27", "17:30");
    expect(await tap(`visita_nao:${lead.id}`, "Não foi / perdido", at)).toMatchObject({ acao: "lead_perdido" });
    expect((await getLeadById(t.db, s.agency.id, lead.id))?.status).toBe("perdido");
    const linha = (await listInteracoesByLead(t.db, lead.id)).at(-1);
    expect(linha?.metadata).toMatchObject({ de: "visita_agendada", para: "perdido", via: "whatsapp" });
  });

  it("'Remarcar' answers where to set the new date, and the lead stays as it is", async () => {
    const lead = await leadComVisita("Davi Costa", local("2026-11-27", "18:00"));
    const r = await tap(`remarcar:${lead.id}`, "Remarcar", local("2026-11-27", "19:10"));
    expect(r).toMatchObject({ acao: "visita_remarcar" });
    expect((await getLeadById(t.db, s.agency.id, lead.id))?.status).toBe("visita_agendada");
  });

  it("a new date cancels the unsent reminder and makes new ones for the new time", async () => {
    const lead = await leadComVisita("Lia Matos", local("2026-11-30", "09:00"));
    // 07:00 reminder written, not yet sent, when the broker moves the visit to the afternoon.
    await sweepAt(local("2026-11-30", "07:00"));
    expect((await mensagensDe(lead)).map((m) => m.status)).toEqual(["pendente"]);
    const r = await changeLeadStatus(
      t.db,
      actor,
      { leadId: lead.id, de: "visita_agendada", para: "visita_agendada", visitaEm: local("2026-11-30", "17:00") },
      local("2026-11-30", "07:05"),
    );
    expect(r.kind).toBe("feito");
    const [velho] = await mensagensDe(lead);
    expect(velho).toMatchObject({ status: "cancelada", erroMensagem: "Cancelada: a visita foi remarcada por Paulo." });
    const linha = (await listInteracoesByLead(t.db, lead.id)).at(-1);
    expect(linha!.conteudo).toBe("Visita remarcada para 30/11/2026 17:00 por Paulo. 1 mensagem pendente cancelada.");

    await sweepAt(local("2026-11-30", "10:00")); // the old time passes: no question about it
    await sweepAt(local("2026-11-30", "15:00"));
    await sweepAt(local("2026-11-30", "18:01"));
    const depois = (await mensagensDe(lead)).filter((m) => m.status !== "cancelada");
    expect(depois.map((m) => [m.tipo, m.idempotencyKey])).toEqual([
      ["lembrete_visita", `lembrete_visita:${lead.id}:${local("2026-11-30", "17:00").getTime()}`],
      ["pos_visita", `pos_visita:${lead.id}:${local("2026-11-30", "17:00").getTime()}`],
    ]);
  });

  it("after hours, the question waits for the broker's next shift; the reminder does not", async () => {
    await updatePreferencias(t.db, s.agency.id, s.paulo.id, {
      horario: { inicio: "08:00", fim: "20:00" },
      dias: [1, 2, 3, 4, 5, 6],
    });
    const lead = await leadComVisita("Caio Nunes", local("2026-12-01", "20:30"));
    await sweepAt(local("2026-12-01", "18:30"));
    await sweepAt(local("2026-12-01", "21:31"));
    expect((await mensagensDe(lead)).map((m) => [m.tipo, m.status, m.scheduledFor])).toEqual([
      ["lembrete_visita", "pendente", null],
      ["pos_visita", "agendada", local("2026-12-02", "08:00")],
    ]);
    const pos = (await listEventosByLead(t.db, s.agency.id, lead.id)).find((e) => e.tipo === "pos_visita");
    expect(pos!.descricao).toContain("no início do expediente (02/12/2026 08:00)");
  });
});
