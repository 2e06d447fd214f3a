// Integration: what a signed Twilio post does once trusted — status callbacks move `mensagens`
// (a 63016 re-queues and dispatches one send); a broker's message is matched to its sender by phone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TUE_1000, fixedClock } from "@/agents/orquestrador/testing/orquestrador-fixture";
import type { Db } from "@/lib/db/client";
import { getCorretorById } from "@/lib/db/queries/corretores";
import { getMensagemById, insertMensagemOnce, listMensagens, transitionMensagem } from "@/lib/db/queries/mensagens";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { createKv } from "@/lib/kv";
import { respondToTwilioWebhook, type TwilioWebhookDeps } from "./receive-twilio-webhook";
import {
  captureDispatch,
  createInboundScene,
  newSid,
  snapshotTables,
  twilioForm,
  withSid,
  type InboundScene,
} from "../../../../agents/conselheiro/inbound/testing/twilio-inbound";
import { AUTH_TOKEN, PUBLIC_BASE_URL, signedTwilioRequest } from "./testing/signed-twilio-request";

let t: TestDb;
let scene: InboundScene;
const clock = fixedClock(TUE_1000);
let recorder = captureDispatch();

beforeAll(async () => {
  t = await createTestDb();
  scene = await createInboundScene(t.db);
});
afterAll(async () => t?.cleanup());

function deps(): TwilioWebhookDeps {
  recorder = captureDispatch();
  return {
    db: t.db,
    kv: createKv({ driver: "memory" }),
    now: clock.now,
    dispatch: recorder.dispatch,
    authToken: AUTH_TOKEN,
    publicBaseUrl: PUBLIC_BASE_URL,
  };
}
const post = (params: Record<string, string>, d = deps()) => respondToTwilioWebhook(d, signedTwilioRequest(params));

/** A message Twilio accepted (status `enviada` with its sid), for status callbacks to act on. */
async function sentMensagem(db: Db, sid: string) {
  const { mensagem } = await insertMensagemOnce(db, {
    imobiliariaId: scene.agency.id,
    corretorId: scene.paulo.id,
    tipo: "alerta",
    destino: scene.paulo.telefone,
    corpo: "🔥 Novo lead",
    status: "pendente",
    idempotencyKey: `teste:${sid}`,
  });
  await transitionMensagem(
    db,
    mensagem.id,
    ["pendente"],
    { status: "enviada", providerSid: sid, sentAt: clock.now() },
    clock.now(),
  );
  return mensagem.id;
}

describe("status callbacks", () => {
  it("delivered then read move the row forward; a repeat changes nothing and dispatches nothing", async () => {
    const sid = newSid();
    const id = await sentMensagem(t.db, sid);
    expect((await post(withSid(twilioForm("status-delivered"), sid))).status).toBe(200);
    expect((await getMensagemById(t.db, id))?.status).toBe("entregue");
    expect((await post(withSid(twilioForm("status-read"), sid))).status).toBe(200);
    expect((await getMensagemById(t.db, id))?.status).toBe("lida");
    expect((await post(withSid(twilioForm("status-delivered"), sid))).status).toBe(200);
    expect((await getMensagemById(t.db, id))?.status).toBe("lida");
    expect(recorder.calls).toEqual([]);
  });

  it("63016 (outside the 24-hour window) re-queues the row as a template and dispatches one send", async () => {
    const sid = newSid();
    const id = await sentMensagem(t.db, sid);
    const d = deps();
    expect((await post(withSid(twilioForm("status-failed-63016-outside-24h"), sid), d)).status).toBe(200);
    expect(await getMensagemById(t.db, id)).toMatchObject({ status: "pendente", erroCodigo: "63016" });
    expect(recorder.calls).toEqual([
      {
        name: "message/send",
        data: { mensagemId: id, corretorId: scene.paulo.id },
        idempotencyKey: `message-resend-${id}-${sid}`,
      },
    ]);
    // Twilio retries the same callback: nothing more.
    expect((await post(withSid(twilioForm("status-failed-63016-outside-24h"), sid), d)).status).toBe(200);
    expect(recorder.calls).toHaveLength(1);
  });

  it("a callback for a sid we never sent is accepted and ignored", async () => {
    const before = await snapshotTables(t.db);
    expect((await post(withSid(twilioForm("status-delivered"), newSid()))).status).toBe(200);
    expect(await snapshotTables(t.db)).toEqual(before);
  });
});

describe("senders", () => {
  it("an unknown sender gets nothing and changes nothing", async () => {
    const before = await snapshotTables(t.db);
    const params = withSid(
      twilioForm("inbound-text", { Body: "resumo", From: "whatsapp:+5521988887777", WaId: "5521988887777" }),
      newSid(),
    );
    expect((await post(params)).status).toBe(200);
    expect(await snapshotTables(t.db)).toEqual(before);
    expect(recorder.calls).toEqual([]);
  });

  it("the legacy 12-digit WaId (no ninth digit) is Paulo, who gets his summary and a session-window mark", async () => {
    const params = twilioForm("inbound-legacy-12-digit-waid");
    expect(params.WaId).toBe("551112345678");
    expect((await post(params)).status).toBe(200);
    const paulo = await getCorretorById(t.db, scene.agency.id, scene.paulo.id);
    expect(paulo?.metadata).toMatchObject({ ultimaMensagemRecebidaEm: TUE_1000.toISOString() });
    const resposta = (await listMensagens(t.db, scene.agency.id, { corretorId: scene.paulo.id })).find(
      (m) => m.idempotencyKey === `resposta:${params.MessageSid}`,
    );
    expect(resposta?.corpo).toMatch(/Resumo do dia 24\/11/);
    expect(recorder.calls.map((c) => c.name)).toEqual(["message/send"]);
  });
});
