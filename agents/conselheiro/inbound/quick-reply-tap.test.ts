// End to end: two alerts leave as quick-reply Content sends, and a tap on the OLDER alert's button
// (Twilio posts the button's id back as ButtonPayload) acts on that lead, not on the latest alert's.
// Twilio is a local fake server (lib/whatsapp/testing/fake-twilio-server.ts); the tap is Twilio's
// own inbound body (lib/whatsapp/fixtures/inbound-button-reply.form) carrying the id we sent.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordMensagemRecebida } from "@/lib/db/queries/corretores-whatsapp";
import { getLeadById, type Lead } from "@/lib/db/queries/leads";
import { insertMensagemOnce } from "@/lib/db/queries/mensagens";
import { mensagens } from "@/lib/db/schema";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { startFakeTwilioServer, type FakeTwilioServer } from "@/lib/whatsapp/testing/fake-twilio-server";
import { twilioClientFor } from "@/lib/whatsapp/testing/fake-twilio-client";
import { handleBrokerReply } from "./handle-broker-reply";
import { sendMensagem } from "../send/send-mensagem";
import { templateWriter } from "../compose/templates";
import {
  captureDispatch,
  createInboundScene,
  createLead,
  newSid,
  twilioForm,
  withSid,
  type InboundScene,
} from "./testing/twilio-inbound";

const NOW = new Date("2026-11-24T13:00:00Z");
const QUICK_REPLY = `HX${"b".repeat(32)}`;
let t: TestDb;
let s: InboundScene;
let fake: FakeTwilioServer;

beforeAll(async () => {
  t = await createTestDb();
  s = await createInboundScene(t.db, { soPaulo: true });
  fake = await startFakeTwilioServer({ now: () => NOW });
  await recordMensagemRecebida(t.db, s.paulo.id, new Date(NOW.getTime() - 60 * 60_000)); // in session
});
afterAll(async () => {
  await fake?.close();
  await t?.cleanup();
});

/** Composes and sends Paulo's alert about `lead`; returns the ContentVariables Twilio received. */
async function sendAlert(lead: Lead): Promise<Record<string, string>> {
  const composed = templateWriter.novoLead({
    tipo: "novo_lead",
    lead: { id: lead.id, nome: lead.nome, origem: lead.origem, score: lead.score ?? 0, telefone: lead.telefone },
    fatores: [],
    imovel: null,
    mensagem: null,
    remetente: { corretorId: s.paulo.id, corretorNome: s.paulo.nome, imobiliariaNome: s.agency.nome },
  });
  const { mensagem } = await insertMensagemOnce(t.db, {
    imobiliariaId: s.agency.id,
    corretorId: s.paulo.id,
    leadId: lead.id,
    tipo: "alerta",
    destino: s.paulo.telefone,
    ...composed,
    status: "pendente",
    idempotencyKey: `alerta-tap:${lead.id}`,
    criadoEm: NOW,
  });
  const deps = {
    db: t.db,
    whatsapp: twilioClientFor(fake),
    now: () => NOW,
    templates: { alerta: { comBotoes: QUICK_REPLY } },
  };
  expect(await sendMensagem(deps, mensagem.id)).toEqual({ outcome: "enviada" });
  const create = fake.creates.at(-1)!;
  expect(create).toMatchObject({ contentSid: QUICK_REPLY, body: null });
  return JSON.parse(create.contentVariables!) as Record<string, string>;
}

/** The button whose id starts with `acao:` among the variables we sent. */
const payloadOf = (variables: Record<string, string>, acao: string) =>
  Object.values(variables).find((v) => v.startsWith(`${acao}:`))!;

async function tap(payload: string, text: string) {
  const params = withSid(
    twilioForm("inbound-button-reply", { ButtonPayload: payload, ButtonText: text, Body: text }),
    newSid(),
  );
  const deps = { db: t.db, kv: null, now: () => NOW, dispatch: captureDispatch().dispatch };
  return handleBrokerReply(deps, params);
}

describe("a quick-reply tap", () => {
  it("acts on the lead of the alert whose button was tapped", async () => {
    const older = await createLead(t.db, s.agency, s.paulo.id, {
      at: new Date(NOW.getTime() - 20 * 60_000),
      nome: "Mariana Souza",
    });
    const latest = await createLead(t.db, s.agency, s.paulo.id, {
      at: new Date(NOW.getTime() - 5 * 60_000),
      nome: "Pedro Lima",
    });
    const olderVariables = await sendAlert(older);
    await sendAlert(latest);

    const contatei = payloadOf(olderVariables, "ja_contatei");
    expect(contatei).toBe(`ja_contatei:${older.id}`);
    expect(await tap(contatei, "Já contatei")).toMatchObject({
      outcome: "respondida",
      acao: "lead_em_contato",
      leadId: older.id,
    });
    expect((await getLeadById(t.db, s.agency.id, older.id))?.status).toBe("em_contato");
    expect((await getLeadById(t.db, s.agency.id, latest.id))?.status).toBe("novo");

    expect(await tap(payloadOf(olderVariables, "lembrar"), "Lembrar em 1h")).toMatchObject({ leadId: older.id });
    const lembretes = await t.db
      .select()
      .from(mensagens)
      .where(and(eq(mensagens.corretorId, s.paulo.id), eq(mensagens.tipo, "lembrete")));
    expect(lembretes.map((m) => m.leadId)).toEqual([older.id]);
  });
});
