// "Never twice" when Twilio's answer is lost. Twilio is replaced at the HTTP boundary by a local
// fake server (lib/whatsapp/testing); duplicates are counted from the fake's own message log.
import { describe, expect, it } from "vitest";
import { getMensagemById, listSendableIds } from "@/lib/db/queries/mensagens";
import { sendMensagem, type SendMensagemDeps } from "./send-mensagem";
import { newPendente, registerSendHarness, sendWithRetries, twilioClientFor } from "./testing/send-fixtures";

const h = registerSendHarness();

const deps = (over: Partial<SendMensagemDeps> = {}) => ({
  db: h.t.db,
  whatsapp: twilioClientFor(h.fake, 250),
  now: h.clock.now,
  sleep: h.clock.sleep,
  ...over,
});
// Rows are created on the test clock, as they are on the real one in production.
const pendente = (over: Parameters<typeof newPendente>[2] = {}) =>
  newPendente(h.t.db, h.broker, { criadoEm: h.clock.now(), ...over });
const creates = (body: string) => h.fake.creates.filter((c) => c.body === body).length;

describe("sendMensagem after an ambiguous failure", () => {
  it("500 that did not land: looks up, finds nothing, retries once, one message lands", async () => {
    const row = await pendente();
    h.fake.scriptCreates({ kind: "error", status: 500 });
    const first = await sendMensagem(deps(), row.id);
    expect(first).toEqual({ outcome: "reagendar", retryInMs: 30_000 });
    expect(await getMensagemById(h.t.db, row.id)).toMatchObject({ status: "pendente", erroCodigo: "sem_confirmacao" });
    expect(h.fake.listCalls).toBe(1);
    h.clock.advance(30_000);
    expect(await sendMensagem(deps(), row.id)).toEqual({ outcome: "enviada" });
    expect(h.fake.listCalls).toBe(2); // looked again before the second create
    expect(creates(row.corpo)).toBe(2);
    expect(h.fake.landed({ body: row.corpo })).toBe(1);
    expect(await getMensagemById(h.t.db, row.id)).toMatchObject({
      status: "enviada",
      providerSid: h.fake.messages[0]!.sid,
    });
  });

  it("500 after Twilio created the message: adopts its sid, no second create", async () => {
    const row = await pendente();
    h.fake.scriptCreates({ kind: "error", status: 500, create: true });
    expect(await sendWithRetries(deps(), row.id)).toEqual({ outcome: "enviada" });
    expect(creates(row.corpo)).toBe(1);
    expect(await getMensagemById(h.t.db, row.id)).toMatchObject({
      status: "enviada",
      providerSid: h.fake.messages[0]!.sid,
    });
  });

  it.each([
    ["a timeout after Twilio created the message", { kind: "hang", create: true } as const],
    ["a response dropped after the create", { kind: "drop" } as const],
  ])("%s: the lookup adopts the sid, zero duplicates", async (_name, step) => {
    const row = await pendente();
    h.fake.scriptCreates(step);
    expect(await sendWithRetries(deps(), row.id)).toEqual({ outcome: "enviada" });
    expect(creates(row.corpo)).toBe(1);
    expect(h.fake.landed({ body: row.corpo })).toBe(1);
    expect((await getMensagemById(h.t.db, row.id))?.providerSid).toBe(h.fake.messages[0]!.sid);
    expect(h.clock.sleeps).toEqual([]);
  });

  it("a late create seen only on the retry's lookup is adopted, not sent again", async () => {
    const row = await pendente();
    // The create times out and the immediate lookup finds nothing; Twilio then finishes the create
    // late, so the message exists by the time the retry looks again.
    h.fake.scriptCreates({ kind: "hang", create: false });
    expect((await sendMensagem(deps(), row.id)).outcome).toBe("reagendar");
    h.fake.messages.push({ ...lateMessage(row.corpo), dateCreated: h.clock.now() });
    h.clock.advance(30_000);
    expect(await sendMensagem(deps(), row.id)).toEqual({ outcome: "enviada" });
    expect(creates(row.corpo)).toBe(1);
    expect((await getMensagemById(h.t.db, row.id))?.providerSid).toBe("SM" + "a".repeat(32));
  });

  it.each([
    ["it landed", true],
    ["it did not land", false],
  ])("lookup failing after a timeout → incerta, never resent (%s)", async (_name, landed) => {
    const row = await pendente();
    h.fake.scriptCreates({ kind: "hang", create: landed });
    h.fake.scriptLists({ kind: "error", status: 500 });
    expect(await sendWithRetries(deps(), row.id)).toEqual({ outcome: "incerta" });
    const saved = await getMensagemById(h.t.db, row.id);
    expect(saved).toMatchObject({ status: "incerta", erroCodigo: "ECONNABORTED", providerSid: null });
    expect(saved?.erroMensagem).toMatch(/consulta à Twilio falhou/);
    expect(await sendMensagem(deps(), row.id)).toEqual({ outcome: "ja_processada" });
    h.clock.advance(24 * 3_600_000);
    expect((await listSendableIds(h.t.db, h.clock.now())).map((m) => m.id)).not.toContain(row.id);
    expect(creates(row.corpo)).toBe(1);
  });

  it("a streak of 5xx: each retry waits, looks again, then creates; one message lands", async () => {
    const row = await pendente();
    h.fake.scriptCreates(
      { kind: "error", status: 500 },
      { kind: "error", status: 502 },
      { kind: "error", status: 503 },
    );
    expect(await sendWithRetries(deps(), row.id)).toEqual({ outcome: "enviada" });
    expect(h.clock.sleeps).toEqual([30_000, 30_000, 20_000]); // 503 is throttling: the plain backoff
    expect(creates(row.corpo)).toBe(4);
    expect(h.fake.landed({ body: row.corpo })).toBe(1);
    expect(await getMensagemById(h.t.db, row.id)).toMatchObject({ status: "enviada", erroCodigo: null });
  });

  it("5xx on every attempt: gives up after MAX_ATTEMPTS creates, saying so, never more", async () => {
    const row = await pendente();
    h.fake.scriptCreates(...Array.from({ length: 6 }, () => ({ kind: "error", status: 500 }) as const));
    expect(await sendWithRetries(deps(), row.id)).toEqual({ outcome: "falhou" });
    expect(creates(row.corpo)).toBe(5);
    expect(h.fake.landed({ body: row.corpo })).toBe(0);
    const saved = await getMensagemById(h.t.db, row.id);
    expect(saved).toMatchObject({ status: "falhou", tentativas: 5 });
    expect(saved?.erroMensagem).toMatch(/5 tentativas/);
  });

  it("a match that belongs to another row proves nothing → incerta", async () => {
    const first = await pendente({ corpo: "Lembrete: ligar para a Mariana" });
    await sendMensagem(deps(), first.id);
    const twin = await pendente({ corpo: "Lembrete: ligar para a Mariana" });
    h.fake.scriptCreates({ kind: "hang", create: false });
    expect(await sendMensagem(deps(), twin.id)).toEqual({ outcome: "incerta" });
    expect(creates("Lembrete: ligar para a Mariana")).toBe(2);
    expect((await getMensagemById(h.t.db, twin.id))?.providerSid).toBeNull();
  });
});

function lateMessage(body: string) {
  return {
    sid: "SM" + "a".repeat(32),
    to: "whatsapp:+5511912345678",
    from: "whatsapp:+14155238886",
    body,
    contentSid: null,
    contentVariables: null,
    statusCallback: null,
    status: "queued",
    errorCode: null,
    dateSent: null,
  };
}
