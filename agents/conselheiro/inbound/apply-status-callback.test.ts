// Status callbacks from the fixture bodies Twilio posts (lib/whatsapp/fixtures/status-*.form),
// applied to rows sent through a local fake Twilio server that replaces Twilio at the HTTP boundary.
import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { getMensagemById } from "@/lib/db/queries/mensagens";
import { applyStatusCallback } from "./apply-status-callback";
import { sendMensagem } from "../send/send-mensagem";
import {
  newPendente,
  statusCallbackFixture,
  twilioClientFor,
  registerSendHarness,
} from "../send/testing/send-fixtures";

const h = registerSendHarness();

const sendDeps = () => ({ db: h.t.db, whatsapp: twilioClientFor(h.fake), now: h.clock.now });
const cb = () => ({ db: h.t.db, now: h.clock.now });
async function sentRow() {
  const row = await newPendente(h.t.db, h.broker, { criadoEm: h.clock.now() });
  expect(await sendMensagem(sendDeps(), row.id)).toEqual({ outcome: "enviada" });
  const sent = (await getMensagemById(h.t.db, row.id))!;
  return { id: row.id, sid: sent.providerSid!, corpo: row.corpo };
}
const apply = (fixture: string, sid: string) => applyStatusCallback(cb(), statusCallbackFixture(fixture, sid));
const statusOf = async (id: string) => (await getMensagemById(h.t.db, id))?.status;

describe("applyStatusCallback", () => {
  it("moves a row forward only: sent → delivered → read, then late callbacks change nothing", async () => {
    const { id, sid } = await sentRow();
    expect(await apply("status-sent", sid)).toMatchObject({ outcome: "ignorada" });
    expect(await statusOf(id)).toBe("enviada");
    expect(await apply("status-delivered", sid)).toMatchObject({ outcome: "atualizada" });
    expect(await statusOf(id)).toBe("entregue");
    expect(await apply("status-read", sid)).toMatchObject({ outcome: "atualizada" });
    expect(await statusOf(id)).toBe("lida");
    for (const late of ["status-sent", "status-delivered", "status-read"]) {
      expect(await apply(late, sid)).toMatchObject({ outcome: "ignorada", mensagemId: id });
    }
    expect(await statusOf(id)).toBe("lida");
  });

  it("accepts read before delivered (callbacks arrive out of order)", async () => {
    const { id, sid } = await sentRow();
    await apply("status-read", sid);
    await apply("status-delivered", sid);
    expect(await statusOf(id)).toBe("lida");
  });

  it("ignores a sid we never sent", async () => {
    expect(await apply("status-delivered", "SM" + "0".repeat(32))).toEqual({ outcome: "desconhecida" });
  });

  it("puts a 63018 rate-limited message back for a later retry, once per callback", async () => {
    const { id, sid, corpo } = await sentRow();
    const result = await apply("status-undelivered-63018-rate-limit", sid);
    expect(result).toEqual({ outcome: "reenfileirada", mensagemId: id, retryInMs: 5_000 });
    expect(await getMensagemById(h.t.db, id)).toMatchObject({
      status: "pendente",
      erroCodigo: "63018",
      scheduledFor: new Date(h.clock.now().getTime() + 5_000),
    });
    expect(await apply("status-undelivered-63018-rate-limit", sid)).toMatchObject({ outcome: "ignorada" });
    expect(await sendMensagem(sendDeps(), id)).toEqual({ outcome: "ja_processada" }); // not before its time
    h.clock.advance(5_000);
    expect(await sendMensagem(sendDeps(), id)).toEqual({ outcome: "enviada" });
    expect(h.fake.landed({ body: corpo })).toBe(2); // the first never reached the phone
    expect((await getMensagemById(h.t.db, id))?.providerSid).not.toBe(sid);
  });

  it("fails the row with Twilio's code for any other failure", async () => {
    const { id, sid } = await sentRow();
    const params = { ...statusCallbackFixture("status-failed-63016-outside-24h", sid), ErrorCode: "63003" };
    expect(await applyStatusCallback(cb(), params)).toMatchObject({ outcome: "falhou" });
    expect(await getMensagemById(h.t.db, id)).toMatchObject({ status: "falhou", erroCodigo: "63003" });
    expect(await apply("status-delivered", sid)).toMatchObject({ outcome: "ignorada" });
  });

  it("rejects a body that is not a status callback", async () => {
    await expect(applyStatusCallback(cb(), { MessageStatus: "delivered" })).rejects.toThrow(ZodError);
    await expect(applyStatusCallback(cb(), { MessageSid: "x", MessageStatus: "read" })).rejects.toThrow(ZodError);
  });
});
