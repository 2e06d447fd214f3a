// Test support: a local stand-in for the slice of Twilio's REST API the SDK uses to send and list
// WhatsApp messages. Tests replace Twilio at the HTTP boundary with it, script each create call
// (errors, hangs, dropped responses, late 63016 failures) and assert on what "landed".
import http from "node:http";
import type { AddressInfo, Socket } from "node:net";
import {
  errorJson,
  listJson,
  messageJson,
  newMessageSid,
  statusCallbackParams,
  type FakeMessage,
} from "./fake-twilio-resources";

export type CreateStep =
  /** Create and answer 201; with `delayMs`, the message exists that long before the answer leaves. */
  | { kind: "ok"; delayMs?: number }
  /** Answer `status` with Twilio's error body; `create: true` = the message was created anyway. */
  | { kind: "error"; status: number; code?: number; message?: string; create?: boolean }
  /** Never answer (the client times out); `create` says whether the message was created first. */
  | { kind: "hang"; create: boolean }
  /** Create the message, then destroy the socket before answering. */
  | { kind: "drop" }
  /** Accept (201 queued); the message then fails with `errorCode` (its status callback says so). */
  | { kind: "accept_then_fail"; errorCode: number; status?: "failed" | "undelivered" };
export type ListStep = { kind: "ok" } | { kind: "error"; status: number } | { kind: "hang" } | { kind: "drop" };

export type CreateCall = {
  to: string;
  from: string;
  body: string | null;
  contentSid: string | null;
  contentVariables: string | null;
  statusCallback: string | null;
  step: CreateStep["kind"];
  sid: string | null;
  /** Wall-clock ms (Date.now(), whatever `now` says) the request arrived: benchmarks measure latency to it. */
  receivedAt: number;
};

export type FakeTwilioServer = {
  url: string;
  accountSid: string;
  authToken: string;
  /** Every POST …/Messages.json, in order, whatever the script answered. */
  creates: CreateCall[];
  /** Messages that exist on the fake (= landed), oldest first. */
  messages: FakeMessage[];
  listCalls: number;
  scriptCreates(...steps: CreateStep[]): void;
  scriptLists(...steps: ListStep[]): void;
  /** What a create gets once the script is empty (default: ok); the reliability suite's chaos. */
  setDefaultCreate(next: (() => CreateStep) | null): void;
  /** How many messages landed, optionally only to `to` (E.164 or whatsapp:) and/or with `body`. */
  landed(filter?: { to?: string; body?: string }): number;
  statusCallbackParams(sid: string): Record<string, string>;
  close(): Promise<void>;
};

const ACCOUNT_SID = "AC00000000000000000000000000000000";
const AUTH_TOKEN = "fake-twilio-auth-token";
const channel = (p: string) => (p.startsWith("whatsapp:") ? p : `whatsapp:${p}`);

function readForm(req: http.IncomingMessage): Promise<URLSearchParams> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(new URLSearchParams(Buffer.concat(chunks).toString("utf8"))));
    req.on("error", reject);
  });
}

function sendJson(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

export async function startFakeTwilioServer(options: { now?: () => Date } = {}): Promise<FakeTwilioServer> {
  const now = options.now ?? (() => new Date());
  const createScript: CreateStep[] = [];
  const listScript: ListStep[] = [];
  let defaultCreate: (() => CreateStep) | null = null;
  const sockets = new Set<Socket>();
  const base = `/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`;
  const expectedAuth = `Basic ${Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString("base64")}`;

  const fake: FakeTwilioServer = {
    url: "",
    accountSid: ACCOUNT_SID,
    authToken: AUTH_TOKEN,
    creates: [],
    messages: [],
    listCalls: 0,
    scriptCreates: (...steps) => void createScript.push(...steps),
    scriptLists: (...steps) => void listScript.push(...steps),
    setDefaultCreate: (next) => void (defaultCreate = next),
    landed: (filter = {}) =>
      fake.messages.filter(
        (m) => (!filter.to || m.to === channel(filter.to)) && (filter.body === undefined || m.body === filter.body),
      ).length,
    statusCallbackParams(sid) {
      const m = fake.messages.find((x) => x.sid === sid);
      if (!m) throw new Error(`fake Twilio: no message ${sid}`);
      return statusCallbackParams(ACCOUNT_SID, m);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy(); // hung requests would keep the server open
        server.close(() => resolve());
      }),
  };

  function createMessage(form: URLSearchParams, step: CreateStep): FakeMessage {
    const failed = step.kind === "accept_then_fail";
    const m: FakeMessage = {
      sid: newMessageSid(),
      to: form.get("To") ?? "",
      from: form.get("From") ?? "",
      body: form.get("Body") ?? "",
      contentSid: form.get("ContentSid"),
      contentVariables: form.get("ContentVariables"),
      statusCallback: form.get("StatusCallback"),
      status: failed ? (step.status ?? "failed") : "queued",
      errorCode: failed ? step.errorCode : null,
      dateCreated: now(),
      dateSent: null,
    };
    fake.messages.push(m);
    return m;
  }

  async function handleCreate(req: http.IncomingMessage, res: http.ServerResponse) {
    const receivedAt = Date.now();
    const form = await readForm(req);
    const step = createScript.shift() ?? defaultCreate?.() ?? { kind: "ok" };
    const creates =
      step.kind === "ok" ||
      step.kind === "drop" ||
      step.kind === "accept_then_fail" ||
      ((step.kind === "error" || step.kind === "hang") && step.create === true);
    const m = creates ? createMessage(form, step) : null;
    fake.creates.push({
      to: form.get("To") ?? "",
      from: form.get("From") ?? "",
      body: form.get("Body"),
      contentSid: form.get("ContentSid"),
      contentVariables: form.get("ContentVariables"),
      statusCallback: form.get("StatusCallback"),
      step: step.kind,
      sid: m?.sid ?? null,
      receivedAt,
    });
    if (step.kind === "hang") return; // the socket stays open until the client gives up
    if (step.kind === "drop") return void req.socket.destroy();
    if (step.kind === "error") {
      const body = errorJson(
        step.status,
        step.code ?? 20000 + step.status,
        step.message ?? `Erro simulado ${step.status}`,
      );
      return sendJson(res, step.status, body);
    }
    if (step.kind === "ok" && step.delayMs) await new Promise((r) => setTimeout(r, step.delayMs));
    // Twilio answers 201 with the message still queued; a late failure only shows in the callback.
    if (m && !res.destroyed) sendJson(res, 201, messageJson(ACCOUNT_SID, { ...m, status: "queued", errorCode: null }));
  }

  function handleList(url: URL, res: http.ServerResponse, req: http.IncomingMessage) {
    fake.listCalls++;
    const step = listScript.shift() ?? { kind: "ok" };
    if (step.kind === "hang") return;
    if (step.kind === "drop") return void req.socket.destroy();
    if (step.kind === "error")
      return sendJson(res, step.status, errorJson(step.status, 20000 + step.status, "Erro simulado"));
    const q = url.searchParams;
    const to = q.get("To");
    const from = q.get("From");
    const sentAfter = q.get("DateSent>") ? new Date(q.get("DateSent>")!) : null;
    const found = fake.messages
      .filter((m) => (!to || m.to === to) && (!from || m.from === from))
      // Like Twilio: a DateSent filter cannot match a message not sent yet (date_sent null).
      .filter((m) => !sentAfter || (m.dateSent !== null && m.dateSent >= sentAfter))
      .reverse(); // newest first
    sendJson(res, 200, listJson(ACCOUNT_SID, found, q));
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (req.headers.authorization !== expectedAuth) {
      return sendJson(res, 401, errorJson(401, 20003, "Authenticate"));
    }
    if (url.pathname !== base) return sendJson(res, 404, errorJson(404, 20404, "Not found"));
    if (req.method === "POST") return void handleCreate(req, res).catch(() => res.destroy());
    if (req.method === "GET") return handleList(url, res, req);
    sendJson(res, 405, errorJson(405, 20004, "Method not allowed"));
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}
