// Integration: Twilio's own form bodies, signed as Twilio signs them, through the webhook's HTTP
// answer and a real database. Twilio is replaced at the HTTP boundary; dispatch is recorded.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET, POST } from "@/app/api/webhooks/twilio/route";
import { TUE_1000, fixedClock } from "@/agents/orquestrador/testing/orquestrador-fixture";
import { useDbForTests, type Db } from "@/lib/db/client";
import { listMensagens } from "@/lib/db/queries/mensagens";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { env } from "@/lib/env";
import { createKv } from "@/lib/kv";
import vector from "@/lib/whatsapp/fixtures/signature-test-vector.json";
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
afterAll(async () => {
  useDbForTests(null);
  await t?.cleanup();
});

function deps(overrides: Partial<TwilioWebhookDeps> = {}): TwilioWebhookDeps {
  recorder = captureDispatch();
  return {
    db: t.db,
    kv: createKv({ driver: "memory" }),
    now: clock.now,
    dispatch: recorder.dispatch,
    authToken: AUTH_TOKEN,
    publicBaseUrl: PUBLIC_BASE_URL,
    ...overrides,
  };
}
const post = (params: Record<string, string>, opts?: Parameters<typeof signedTwilioRequest>[1], d = deps()) =>
  respondToTwilioWebhook(d, signedTwilioRequest(params, opts));
const errorCode = async (res: Response) => ((await res.json()) as { error: { code: string; message: string } }).error;

describe("signature", () => {
  it("accepts the shared test vector (inbound-text.form exactly as Twilio posted it) and answers empty TwiML", async () => {
    const raw = readFileSync(
      new URL("../../../../lib/whatsapp/fixtures/inbound-text.form", import.meta.url),
      "utf8",
    ).trim();
    const d = deps({ authToken: vector.authToken, publicBaseUrl: new URL(vector.url).origin });
    const res = await post({}, { signature: vector.expectedSignature, body: raw }, d);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/xml/);
    expect(await res.text()).toContain("<Response/>");
    // Paulo wrote free text: he gets the short hint, sent through the one door.
    const [resposta] = await listMensagens(t.db, scene.agency.id, { corretorId: scene.paulo.id });
    expect(resposta).toMatchObject({
      tipo: "resposta",
      status: "pendente",
      idempotencyKey: `resposta:${vector.params.MessageSid}`,
    });
    expect(recorder.calls).toEqual([
      {
        name: "message/send",
        data: { mensagemId: resposta!.id, corretorId: scene.paulo.id },
        idempotencyKey: `message-send-${resposta!.id}`,
      },
    ]);
  });

  it.each([
    ["a missing signature", { signature: null }],
    ["a signature made with another token", { token: "0".repeat(32) }],
    ["an empty signature", { signature: "" }],
  ])("refuses %s with 403 and changes nothing", async (_label, opts) => {
    const before = await snapshotTables(t.db);
    const res = await post(withSid(twilioForm("inbound-text", { Body: "pausar" }), newSid()), opts);
    expect(res.status).toBe(403);
    expect((await errorCode(res)).code).toBe("invalid_signature");
    expect(await snapshotTables(t.db)).toEqual(before);
    expect(recorder.calls).toEqual([]);
  });

  it("refuses a body changed after signing (pausar → retomar) and a status callback signed for another sid", async () => {
    const before = await snapshotTables(t.db);
    const params = withSid(twilioForm("inbound-text", { Body: "pausar" }), newSid());
    const tampered = new URLSearchParams({ ...params, Body: "retomar" }).toString();
    expect((await post(params, { body: tampered })).status).toBe(403);
    const signature = signedTwilioRequest(withSid(twilioForm("status-read"), newSid())).headers.get(
      "x-twilio-signature",
    );
    expect((await post(withSid(twilioForm("status-read"), newSid()), { signature })).status).toBe(403);
    expect(await snapshotTables(t.db)).toEqual(before);
  });

  it("without Twilio configured answers 403 saying why, and changes nothing", async () => {
    const before = await snapshotTables(t.db);
    const res = await post(
      withSid(twilioForm("inbound-text", { Body: "pausar" }), newSid()),
      {},
      deps({ authToken: null }),
    );
    expect(res.status).toBe(403);
    expect((await errorCode(res)).message).toMatch(/TWILIO_AUTH_TOKEN/);
    expect(await snapshotTables(t.db)).toEqual(before);
  });
});

describe("HTTP", () => {
  it("answers 415 to anything but a form body, before reading it", async () => {
    const params = withSid(twilioForm("inbound-text", { Body: "pausar" }), newSid());
    for (const contentType of ["application/json", "text/plain", "multipart/form-data; boundary=x"]) {
      const res = await post(params, { contentType });
      expect(res.status).toBe(415);
      expect((await errorCode(res)).code).toBe("unsupported_media_type");
    }
  });

  it("answers 503 (Twilio retries) when the database fails, never 500", async () => {
    const broken = new Proxy(
      {},
      {
        get: () => {
          throw new Error("banco fora do ar (teste)");
        },
      },
    ) as Db;
    const res = await post(withSid(twilioForm("inbound-text", { Body: "resumo" }), newSid()), {}, deps({ db: broken }));
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("30");
  });

  it("answers 422 to a signed body that is not Twilio's (no MessageSid)", async () => {
    const res = await post({ From: "whatsapp:+5511912345678", Body: "oi" });
    expect(res.status).toBe(422);
  });

  it("the route itself: GET is 405; POST without TWILIO_* env is 403", async () => {
    expect(GET().status).toBe(405);
    if (env.twilio) return; // configured machine: the no-token path is covered above through deps
    useDbForTests(t);
    const res = await POST(signedTwilioRequest(withSid(twilioForm("inbound-text"), newSid())));
    expect(res.status).toBe(403);
    expect((await errorCode(res)).message).toMatch(/Twilio não está configurado/);
  });
});
