// Test support for the Conselheiro's send tests: a broker to send to, pending rows, a fake clock
// shared by sendMensagem and the fake Twilio server, and a Twilio client pointed at that server.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, beforeEach } from "vitest";
import type { Db } from "@/lib/db/client";
import { insertCorretor } from "@/lib/db/testing/corretores";
import { insertImobiliaria } from "@/lib/db/queries/imobiliarias";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { insertMensagemOnce, type Mensagem, type NovaMensagem } from "@/lib/db/queries/mensagens";
import { startFakeTwilioServer, type FakeTwilioServer } from "@/lib/whatsapp/testing/fake-twilio-server";
import { sendMensagem, type SendMensagemDeps, type SendMensagemResult } from "../send-mensagem";
import { MAX_ATTEMPTS } from "../send-policy";

export const BROKER_PHONE = "+5511912345678";
let seq = 0;

export async function seedBroker(db: Db): Promise<{ imobiliariaId: string; corretorId: string }> {
  const n = ++seq;
  const imobiliariaId = (await insertImobiliaria(db, { slug: `envio-${n}-${Date.now()}`, nome: `Envio ${n}` })).id;
  const corretorId = (await insertCorretor(db, { imobiliariaId, nome: `Paulo ${n}`, telefone: BROKER_PHONE })).id;
  return { imobiliariaId, corretorId };
}

export async function newPendente(
  db: Db,
  broker: { imobiliariaId: string; corretorId: string },
  overrides: Partial<NovaMensagem> = {},
): Promise<Mensagem> {
  const n = ++seq;
  const { mensagem } = await insertMensagemOnce(db, {
    ...broker,
    tipo: "alerta",
    destino: BROKER_PHONE,
    corpo: `🔥 Novo lead ${n}: Mariana quer visitar\nScore 82`,
    status: "pendente",
    idempotencyKey: `teste:${n}:${Date.now()}`,
    ...overrides,
  });
  return mensagem;
}

/** A clock that only moves when told (or when `sleep` is awaited), recording every sleep. */
export function makeClock(startIso = "2025-03-10T12:00:00Z") {
  let t = Date.parse(startIso);
  const sleeps: number[] = [];
  return {
    now: () => new Date(t),
    advance: (ms: number) => void (t += ms),
    sleep: async (ms: number) => {
      sleeps.push(ms);
      t += ms;
    },
    sleeps,
  };
}

/**
 * Sends a row and sends again while sendMensagem asks for it, sleeping the backoff it returns: what
 * the message/send job does with step.sleep and a new event, in one call on the test clock.
 */
export async function sendWithRetries(
  deps: SendMensagemDeps & { sleep: (ms: number) => Promise<void> },
  mensagemId: string,
): Promise<SendMensagemResult> {
  // sendMensagem caps the attempts itself; this bound only guards against a row someone keeps resetting.
  for (let round = 1; ; round++) {
    const result = await sendMensagem(deps, mensagemId);
    if (result.outcome !== "reagendar" || round > MAX_ATTEMPTS) return result;
    await deps.sleep(result.retryInMs ?? 0);
  }
}

export { twilioClientFor } from "@/lib/whatsapp/testing/fake-twilio-client";

/** A status callback Twilio posted (lib/whatsapp/fixtures/status-*.form), re-addressed to `sid`. */
export function statusCallbackFixture(name: string, sid: string): Record<string, string> {
  const raw = readFileSync(new URL(`../../../../lib/whatsapp/fixtures/${name}.form`, import.meta.url), "utf8").trim();
  const params = Object.fromEntries(new URLSearchParams(raw));
  return { ...params, MessageSid: sid, SmsSid: sid };
}

export type SendHarness = {
  t: TestDb;
  fake: FakeTwilioServer;
  broker: { imobiliariaId: string; corretorId: string };
  clock: ReturnType<typeof makeClock>;
};

/**
 * Registers the hooks every send test needs: one migrated database and broker per file, and per
 * test a fresh clock and a fresh fake Twilio server. Read the fields inside tests (they are set by the hooks).
 */
export function registerSendHarness(): SendHarness {
  const h = {} as SendHarness;
  beforeAll(async () => {
    h.t = await createTestDb();
    h.broker = await seedBroker(h.t.db);
  });
  beforeEach(async () => {
    h.clock = makeClock();
    await h.fake?.close();
    h.fake = await startFakeTwilioServer({ now: h.clock.now });
  });
  afterAll(async () => {
    await h.fake?.close();
    await h.t?.cleanup();
  });
  return h;
}
