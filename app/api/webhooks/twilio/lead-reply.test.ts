// Integration: a lead's own WhatsApp message to our number, signed as Twilio signs it, through the
// webhook's HTTP answer and a real database (PGlite, or Postgres with DATABASE_URL). Twilio is
// replaced at the HTTP boundary (no network); dispatch is recorded and the analysis step run by hand.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { TUE_1000, fixedClock } from "@/agents/orquestrador/testing/orquestrador-fixture";
import { analyzeInteracoes } from "@/agents/analista/analyze-interacoes";
import { sweepSla } from "@/agents/vigilante/sla/sweep-sla";
import { fakeLinks } from "@/agents/vigilante/sla/testing/sla-scene";
import { useDbForTests } from "@/lib/db/client";
import { insertImobiliaria } from "@/lib/db/queries/imobiliarias";
import { insertMensagemOnce } from "@/lib/db/queries/mensagens";
import type { Lead } from "@/lib/db/queries/leads";
import { interacoes, leads, mensagens } from "@/lib/db/schema";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { insertCorretor } from "@/lib/db/testing/corretores";
import { createKv } from "@/lib/kv";
import { loadLeadDetalhe } from "@/lib/painel/load-lead-detalhe";
import { respondToTwilioWebhook, type TwilioWebhookDeps } from "./receive-twilio-webhook";
import {
  captureDispatch,
  createInboundScene,
  createLead,
  newSid,
  snapshotTables,
  twilioForm,
  withSid,
  type InboundScene,
} from "../../../../agents/conselheiro/inbound/testing/twilio-inbound";
import { AUTH_TOKEN, PUBLIC_BASE_URL, signedTwilioRequest } from "./testing/signed-twilio-request";

let t: TestDb;
let scene: InboundScene;
let lead: Lead;
const clock = fixedClock(TUE_1000);
let recorder = captureDispatch();
const kv = createKv({ driver: "memory" });
/** The fixtures' lead phone (createLead), as Twilio's From and WaId carry it. */
const LEAD_FROM = { From: "whatsapp:+5511987654321", WaId: "5511987654321" };

beforeAll(async () => {
  t = await createTestDb();
  scene = await createInboundScene(t.db);
  // Mariana's lead, alerted to Paulo an hour ago (the alert left: sent_at).
  const at = new Date(TUE_1000.getTime() - 60 * 60_000);
  lead = await createLead(t.db, scene.agency, scene.paulo.id, { at });
  await alerted(lead, scene.paulo.id, scene.paulo.telefone, at);
  // The same phone in another agency, newer, but nobody was told about it yet: not the one she answers.
  const outra = await insertImobiliaria(t.db, { slug: `wa2-${randomUUID().slice(0, 8)}`, nome: "Outra", uf: "SP" });
  const corretor = await insertCorretor(t.db, { imobiliariaId: outra.id, nome: "Rui", telefone: "+5511970999999" });
  await createLead(t.db, outra, corretor.id, { at: new Date(TUE_1000.getTime() - 5 * 60_000) });
});
afterAll(async () => {
  useDbForTests(null);
  await t?.cleanup();
});

async function alerted(l: Lead, corretorId: string, destino: string, at: Date) {
  const { mensagem } = await insertMensagemOnce(t.db, {
    imobiliariaId: l.imobiliariaId!,
    corretorId,
    leadId: l.id,
    tipo: "alerta",
    destino,
    corpo: `Novo lead: ${l.nome}`,
    status: "enviada",
    idempotencyKey: `alerta-teste-${l.id}`,
    criadoEm: at,
  });
  await t.db.update(mensagens).set({ sentAt: at }).where(eq(mensagens.id, mensagem.id));
}

function deps(): TwilioWebhookDeps {
  recorder = captureDispatch();
  return {
    db: t.db,
    kv,
    now: clock.now,
    dispatch: recorder.dispatch,
    authToken: AUTH_TOKEN,
    publicBaseUrl: PUBLIC_BASE_URL,
  };
}
const post = (params: Record<string, string>, opts?: Parameters<typeof signedTwilioRequest>[1]) =>
  respondToTwilioWebhook(deps(), signedTwilioRequest(params, opts));
const leadText = (body: string, sid = newSid()) =>
  withSid(twilioForm("inbound-text", { ...LEAD_FROM, ProfileName: "Mariana", Body: body }), sid);
const repliesOf = (leadId: string) =>
  t.db.select().from(interacoes).where(eq(interacoes.leadId, leadId)).orderBy(interacoes.id);

describe("a lead's WhatsApp reply", () => {
  it("is stored once on the lead, analysed, on the timeline, and nobody is messaged", async () => {
    const sid = newSid();
    const texto = "Não tenho mais interesse, obrigado.";
    const before = await repliesOf(lead.id);
    const mensagensAntes = (await snapshotTables(t.db)).mensagens;

    const res = await post(leadText(texto, sid));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("<Response/>");
    const firstCalls = recorder.calls;
    // Twilio delivers the same message again: nothing more is stored or dispatched twice.
    expect((await post(leadText(texto, sid))).status).toBe(200);
    const againCalls = recorder.calls;

    const rows = (await repliesOf(lead.id)).slice(before.length);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      tipo: "resposta_whatsapp",
      conteudo: texto,
      data: TUE_1000,
      metadata: { origem: "lead", messageSid: sid },
    });
    expect(firstCalls).toEqual([
      { name: "interacao/recorded", data: { leadId: lead.id }, idempotencyKey: `lead-reply-${sid}` },
    ]);
    expect(againCalls).toEqual([]);
    // We never answer the lead, nor write to the broker about it.
    expect((await snapshotTables(t.db)).mensagens).toBe(mensagensAntes);

    // The dispatched step reads it: intent and sentiment filled.
    await analyzeInteracoes({ db: t.db, now: clock.now }, { leadId: lead.id });
    const [analisada] = (await repliesOf(lead.id)).filter((r) => r.id === rows[0]!.id);
    expect(analisada!.sentimento).toBe("negativo");
    expect(analisada!.analise).toMatchObject({ intencao: "desistencia" });

    const detalhe = await loadLeadDetalhe(
      t.db,
      { imobiliariaId: scene.agency.id, corretorId: scene.paulo.id },
      lead.id,
      { limiares: { quente: 70, morno: 40 }, timezone: "America/Sao_Paulo" },
    );
    expect(detalhe!.timeline[0]).toMatchObject({ origem: "interacao", titulo: "Resposta do lead", texto });
  });

  it("moves the lead's last interaction (the follow-up cadence) but is not the broker's first response", async () => {
    await post(leadText("Ainda tenho interesse, me liga?"));
    const [row] = await t.db.select().from(leads).where(eq(leads.id, lead.id));
    expect(row!.dataUltimaInteracao).toEqual(TUE_1000);
    expect(row!.primeiraRespostaEm).toBeNull();
    // The SLA chain still counts Paulo as silent: the next sweep past the deadline reminds him.
    clock.set(new Date(TUE_1000.getTime() + 60 * 60_000));
    await sweepSla({ db: t.db, kv, now: clock.now, links: fakeLinks });
    clock.set(TUE_1000);
    const [after] = await t.db.select().from(leads).where(eq(leads.id, lead.id));
    expect(after!.slaEtapa).toBeGreaterThanOrEqual(1);
  });

  it("finds the lead from the legacy 12-digit WaId some Brazilian mobiles still report", async () => {
    const sid = newSid();
    const legacy = withSid(
      twilioForm("inbound-text", {
        From: "whatsapp:+551187654321",
        WaId: "551187654321",
        Body: "Pode me ligar amanhã?",
      }),
      sid,
    );
    expect((await post(legacy)).status).toBe(200);
    const rows = await repliesOf(lead.id);
    expect(rows.filter((r) => r.metadata?.messageSid === sid)).toHaveLength(1);
  });

  it("from a phone nobody was told about: 200, nothing stored, nothing dispatched", async () => {
    const before = await snapshotTables(t.db);
    const stranger = twilioForm("inbound-text", { From: "whatsapp:+5511955554444", WaId: "5511955554444", Body: "Oi" });
    const res = await post(withSid(stranger, newSid()));
    expect(res.status).toBe(200);
    expect(recorder.calls).toEqual([]);
    expect(await snapshotTables(t.db)).toEqual(before);
  });

  it("with a bad signature: 4xx and nothing stored", async () => {
    const before = await snapshotTables(t.db);
    const res = await post(leadText("Quero visitar"), { signature: "bm90LXRoZS1zaWduYXR1cmU=" });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(recorder.calls).toEqual([]);
    expect(await snapshotTables(t.db)).toEqual(before);
  });
});
