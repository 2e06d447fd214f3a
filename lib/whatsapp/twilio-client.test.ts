// Twilio is replaced at the HTTP boundary by a local fake server (testing/fake-twilio-server.ts):
// the real twilio SDK builds and sends every request; only the host it reaches is ours.
import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { selectWhatsAppClient } from "./index";
import { createOutboxClient } from "./outbox-client";
import { createBaseUrlRequestClient } from "./base-url-request-client";
import { startFakeTwilioServer, type FakeTwilioServer } from "./testing/fake-twilio-server";
import { createTwilioClient } from "./twilio-client";
import { WhatsAppSendError } from "./types";

const FROM = "+14155238886";
const TO = "+5511912345678";
let fake: FakeTwilioServer;
const clientFor = (url: string, authToken = fake.authToken) =>
  createTwilioClient({
    accountSid: fake.accountSid,
    authToken,
    from: FROM,
    httpClient: createBaseUrlRequestClient(url, { timeoutMs: 300 }),
  });

beforeAll(async () => {
  fake = await startFakeTwilioServer();
});
afterAll(async () => {
  await fake?.close();
});

async function sendError(promise: Promise<unknown>): Promise<WhatsAppSendError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(WhatsAppSendError);
  return err as WhatsAppSendError;
}

describe("createTwilioClient.send", () => {
  it("posts a free-form WhatsApp message with the channel prefixes and status callback", async () => {
    const sent = await clientFor(fake.url).send({
      to: TO,
      body: "Novo lead: Mariana",
      statusCallback: "https://x.example/cb",
    });
    expect(sent.sid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(sent.status).toBe("queued");
    expect(fake.creates.at(-1)).toMatchObject({
      from: `whatsapp:${FROM}`,
      to: `whatsapp:${TO}`,
      body: "Novo lead: Mariana",
      contentSid: null,
      statusCallback: "https://x.example/cb",
      sid: sent.sid,
    });
  });

  it("posts a Content template with its variables as JSON and no body", async () => {
    await clientFor(fake.url).send({ to: TO, contentSid: "HX123", contentVariables: { "1": "Mariana" } });
    const call = fake.creates.at(-1)!;
    expect(call).toMatchObject({ contentSid: "HX123", body: null, statusCallback: null });
    expect(JSON.parse(call.contentVariables!)).toEqual({ "1": "Mariana" });
  });

  it("reports bad credentials as permanent", async () => {
    const e = await sendError(clientFor(fake.url, "wrong-token").send({ to: TO, body: "x" }));
    expect(e).toMatchObject({ kind: "permanent", httpStatus: 401, code: "20003" });
  });

  it.each([
    [{ kind: "error", status: 500 } as const, "ambiguous", 0],
    [{ kind: "error", status: 503 } as const, "retry_safe", 0],
    [{ kind: "error", status: 429, code: 20429 } as const, "retry_safe", 0],
    [{ kind: "error", status: 400, code: 63016 } as const, "needs_template", 0],
    [{ kind: "error", status: 400, code: 21211 } as const, "permanent", 0],
    [{ kind: "hang", create: true } as const, "ambiguous", 1],
    [{ kind: "drop" } as const, "ambiguous", 1],
  ])("classifies a scripted %o as %s", async (step, kind, landed) => {
    const body = `script ${JSON.stringify(step)}`;
    fake.scriptCreates(step);
    const e = await sendError(clientFor(fake.url).send({ to: TO, body }));
    expect(e.kind).toBe(kind);
    expect(fake.landed({ to: TO, body })).toBe(landed);
  });

  it("treats a refused connection as proof nothing was sent", async () => {
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, "127.0.0.1", r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const e = await sendError(clientFor(`http://127.0.0.1:${port}`).send({ to: TO, body: "x" }));
    expect(e).toMatchObject({ kind: "retry_safe", code: "ECONNREFUSED" });
  });
});

describe("createTwilioClient.findRecent", () => {
  const other = "+5511988887777";

  it("finds a message still queued (no date_sent) by recipient, time and body", async () => {
    const client = clientFor(fake.url);
    const since = new Date(Date.now() - 60_000);
    await client.send({ to: other, body: "corpo A" });
    const b = await client.send({ to: other, body: "corpo B" });
    await client.send({ to: "+5511977776666", body: "corpo B" });
    expect(fake.messages.find((m) => m.sid === b.sid)?.dateSent).toBeNull();
    expect(await client.findRecent({ to: other, since, body: "corpo B" })).toEqual({ sid: b.sid, status: "queued" });
    expect(await client.findRecent({ to: other, since, body: "corpo C" })).toBeNull();
    expect(await client.findRecent({ to: other, since: new Date(Date.now() + 60_000), body: "corpo B" })).toBeNull();
  });

  it("without a body returns the newest message to the recipient", async () => {
    let clock = Date.parse("2025-03-10T12:00:00Z");
    const timed = await startFakeTwilioServer({ now: () => new Date(clock) });
    try {
      const client = clientFor(timed.url);
      await client.send({ to: other, body: "primeira" });
      clock += 5_000; // Twilio's timestamps have whole seconds
      const newest = await client.send({ to: other, contentSid: "HX1" });
      const found = await client.findRecent({ to: other, since: new Date(clock - 60_000) });
      expect(found?.sid).toBe(newest.sid);
      expect(await client.findRecent({ to: other, since: new Date(clock + 1_000) })).toBeNull();
    } finally {
      await timed.close();
    }
  });

  it("pages back past a busy broker's newer messages to the one it looks for", async () => {
    const busy = "+5511966665555";
    const client = clientFor(fake.url);
    const since = new Date(Date.now() - 60_000);
    const sought = await client.send({ to: busy, body: "o alerta procurado" });
    for (let i = 0; i < 120; i++) await client.send({ to: busy, body: `alerta seguinte ${i}` });
    const lists = fake.listCalls;
    expect(await client.findRecent({ to: busy, since, body: "o alerta procurado" })).toEqual({
      sid: sought.sid,
      status: "queued",
    });
    expect(fake.listCalls - lists).toBe(3); // 50 + 50 + 21 newest first
    expect(await client.findRecent({ to: busy, since, body: "nunca enviado" })).toBeNull();
  });

  it("throws a classified error when the list fails", async () => {
    fake.scriptLists({ kind: "error", status: 500 });
    const e = await sendError(clientFor(fake.url).findRecent({ to: other, since: new Date(0) }));
    expect(e.kind).toBe("ambiguous");
  });
});

describe("outbox client", () => {
  afterEach(() => vi.restoreAllMocks());

  it("returns an outbox sid and never touches the network", async () => {
    const spies = [vi.spyOn(http, "request"), vi.spyOn(https, "request"), vi.spyOn(globalThis, "fetch")];
    const client = createOutboxClient();
    const sent = await client.send({ to: TO, body: "oi" });
    expect(client.mode).toBe("outbox");
    expect(sent).toEqual({ sid: expect.stringMatching(/^outbox_[0-9a-f]{24}$/), status: "outbox" });
    expect(await client.findRecent({ to: TO, since: new Date(0) })).toBeNull();
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });

  it("is what the app gets without Twilio keys", () => {
    expect(selectWhatsAppClient(null).mode).toBe("outbox");
    const twilioConfig = {
      accountSid: fake.accountSid,
      authToken: "token-1234",
      whatsappFrom: `whatsapp:${FROM}`,
      apiUrl: null,
    };
    expect(selectWhatsAppClient(twilioConfig).mode).toBe("twilio");
  });

  it("sends to TWILIO_API_URL when it is set (a proxy, or the reliability suite's local fake)", async () => {
    const client = selectWhatsAppClient({
      accountSid: fake.accountSid,
      authToken: fake.authToken,
      whatsappFrom: `whatsapp:${FROM}`,
      apiUrl: `${fake.url}/`,
    });
    const before = fake.landed({ to: TO, body: "pela base configurada" });
    const sent = await client.send({ to: TO, body: "pela base configurada" });
    expect(sent.sid).toMatch(/^SM/);
    expect(fake.landed({ to: TO, body: "pela base configurada" })).toBe(before + 1);
  });
});
