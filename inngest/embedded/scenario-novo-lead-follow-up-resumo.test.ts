// The seed's scenario "novo lead → follow-up → resumo", end to end: a lead posted to the real portal
// route, the embedded runner, the real sender against the local fake Twilio server (nothing leaves
// the machine), the broker's "Já contatei" through the real Twilio webhook function, and the clock
// moved forward (only Date is faked: the app's own clock everywhere). PGlite, or Postgres with
// DATABASE_URL. Asserts on what Twilio received: pt-BR bodies, each once.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { templateWriter } from "@/agents/conselheiro/compose/templates";
import { newSid, twilioForm, withSid } from "@/agents/conselheiro/inbound/testing/twilio-inbound";
import { POST } from "@/app/api/webhooks/portais/[...rota]/route";
import {
  authHeaders,
  createWebhookAgency,
  deliveryRequest,
  fixture,
} from "@/app/api/webhooks/portais/testing/webhook-agency";
import { respondToTwilioWebhook } from "@/app/api/webhooks/twilio/receive-twilio-webhook";
import {
  AUTH_TOKEN,
  PUBLIC_BASE_URL,
  signedTwilioRequest,
} from "@/app/api/webhooks/twilio/testing/signed-twilio-request";
import { useDbForTests } from "@/lib/db/client";
import type { Corretor } from "@/lib/db/queries/corretores";
import { corretores, eventos, leads } from "@/lib/db/schema";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { parsePreferencias } from "@/lib/domain/preferencias";
import { createKv } from "@/lib/kv";
import { twilioClientFor } from "@/lib/whatsapp/testing/fake-twilio-client";
import { startFakeTwilioServer, type FakeTwilioServer } from "@/lib/whatsapp/testing/fake-twilio-server";
import type { PipelineDeps } from "../deps";
import { dispatch, registerEmbeddedRunner } from "../dispatch";
import { DEFAULT_RUNNER_OPTIONS, EmbeddedRunner } from "./embedded-runner";
import { wireToRunner } from "./wire-to-runner";

const sp = (local: string) => new Date(`${local}:00-03:00`);
const SLUG = "cenario-seed";

let handle: TestDb;
let fake: FakeTwilioServer;
let broker: Corretor;
const kv = createKv({ driver: "memory" });

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ["Date"], shouldAdvanceTime: true });
  vi.setSystemTime(sp("2026-11-24T09:00"));
  handle = await createTestDb();
  useDbForTests(handle);
  fake = await startFakeTwilioServer();
  const { brokers } = await createWebhookAgency(handle, { slug: SLUG, brokers: 1 });
  // Business hours every day: the daily summary goes at the first moment on duty, 08:00.
  const [row] = await handle.db
    .update(corretores)
    .set({
      preferencias: parsePreferencias({ horario: { inicio: "08:00", fim: "20:00" }, dias: [0, 1, 2, 3, 4, 5, 6] }),
    })
    .where(eq(corretores.id, brokers[0]!.id))
    .returning();
  broker = row as Corretor;
});
afterAll(async () => {
  registerEmbeddedRunner(undefined);
  useDbForTests(null);
  vi.useRealTimers();
  await fake?.close();
  await handle?.cleanup();
});

const options = {
  ...DEFAULT_RUNNER_OPTIONS,
  sweepEveryMs: 60 * 60_000,
  sweep: { eventGraceMs: 0, sendLeaseMs: 120_000 },
  retryBaseMs: 10,
  resumos: true,
};

/** A runner on the app's clock (the faked Date), wired to dispatch as the server wires it. */
function startRunner(): EmbeddedRunner {
  const deps: PipelineDeps = {
    db: handle.db,
    kv,
    whatsapp: twilioClientFor(fake, 2_000),
    now: () => new Date(),
    writer: templateWriter,
  };
  const runner = new EmbeddedRunner(deps, options);
  registerEmbeddedRunner(wireToRunner(runner));
  return runner;
}

/** The clock at `local` (São Paulo), one sweep, everything it started finished. */
async function sweepAt(local: string) {
  vi.setSystemTime(sp(local));
  const runner = startRunner();
  try {
    await runner.runSweep();
    await runner.idle();
  } finally {
    registerEmbeddedRunner(undefined);
    await runner.stop();
  }
}

const toBroker = () => fake.messages.filter((m) => m.to.endsWith(broker.telefone)).map((m) => m.body ?? "");

describe("scenario: novo lead → follow-up → resumo", () => {
  let leadId: string;

  it("Tuesday 10:00: the portal posts a lead and its alert reaches Twilio once", async () => {
    vi.setSystemTime(sp("2026-11-24T10:00"));
    const runner = startRunner();
    try {
      const body = {
        ...fixture("grupo-olx-lead-visit-request.json"),
        originLeadId: "cenario-1",
        phoneNumber: "11987651234",
        name: "Juliana Prado",
      };
      const post = () =>
        POST(deliveryRequest("grupo-olx", SLUG, JSON.stringify(body), authHeaders("grupo-olx")), {
          params: Promise.resolve({ rota: ["grupo-olx", SLUG] }),
        });
      const res = await post();
      expect(res.status).toBe(201);
      leadId = ((await res.json()) as { leadId: string }).leadId;
      await vi.waitUntil(() => toBroker().length >= 1, { timeout: 15_000, interval: 25 });
      // The portal delivers the same lead again: recognised, nothing new.
      expect((await post()).status).toBe(200);
      await runner.idle();
    } finally {
      registerEmbeddedRunner(undefined);
      await runner.stop();
    }
    // A sweep adds nothing either.
    await sweepAt("2026-11-24T10:01");
    const bodies = toBroker();
    expect(bodies).toHaveLength(1);
    expect(bodies[0]).toMatch(/^📅 \*Juliana Prado quer visitar\*\nPortal: OLX\n/);
    expect(bodies[0]).toContain('Pediu: "Posso visitar amanhã às 18h?"');
  });

  it("10:05: the broker answers 'Já contatei' on WhatsApp; the lead is em_contato", async () => {
    vi.setSystemTime(sp("2026-11-24T10:05"));
    const runner = startRunner();
    try {
      const form = withSid(
        twilioForm("inbound-text", {
          From: `whatsapp:${broker.telefone}`,
          WaId: broker.telefone.slice(1),
          Body: "Já contatei",
        }),
        newSid(),
      );
      const twilioDeps = {
        db: handle.db,
        kv,
        now: () => new Date(),
        dispatch,
        authToken: AUTH_TOKEN,
        publicBaseUrl: PUBLIC_BASE_URL,
      };
      const res = await respondToTwilioWebhook(twilioDeps, signedTwilioRequest(form));
      expect(res.status).toBe(200);
      await vi.waitUntil(() => toBroker().length >= 2, { timeout: 15_000, interval: 25 });
      await runner.idle();
    } finally {
      registerEmbeddedRunner(undefined);
      await runner.stop();
    }
    const [lead] = await handle.db.select().from(leads).where(eq(leads.id, leadId));
    expect(lead!.status).toBe("em_contato");
    // The faked clock still ticks (shouldAdvanceTime): the same minute, give or take the run's milliseconds.
    expect(lead!.dataUltimaInteracao!.getTime() - sp("2026-11-24T10:05").getTime()).toBeLessThan(60_000);
    expect(lead!.primeiraRespostaEm).toEqual(lead!.dataUltimaInteracao);
    expect(toBroker()[1]).toMatch(/^✅ Anotado: \*Juliana Prado\* está em contato com você/);
  });

  it("the same evening and overnight: nothing more reaches the broker", async () => {
    await sweepAt("2026-11-24T19:00");
    await sweepAt("2026-11-25T00:30");
    expect(toBroker()).toHaveLength(2);
  });

  it("Wednesday 07:00, one local day later: follow_up_vencido is recorded, held for the broker's hours", async () => {
    await sweepAt("2026-11-25T07:00");
    const followUps = await handle.db.select().from(eventos).where(eq(eventos.leadId, leadId));
    expect(followUps.filter((e) => e.tipo === "follow_up_vencido")).toHaveLength(1);
    expect(toBroker()).toHaveLength(2);
  });

  it("08:00, the summary hour: the daily summary lists the follow-up; each message once", async () => {
    await sweepAt("2026-11-25T08:00");
    await sweepAt("2026-11-25T08:00");
    await sweepAt("2026-11-25T09:30");
    const bodies = toBroker();
    const resumos = bodies.filter((b) => b.includes("Resumo"));
    expect(resumos).toHaveLength(1);
    expect(resumos[0]).toMatch(/^📊 \*Resumo do dia 24\/11\*\nNovos leads: 1 \(1 quentes/);
    expect(resumos[0]).toContain("🔔 *Follow-ups de hoje (1):*\n• *Juliana Prado* · OLX · score 80");
    // Every body once: no duplicate anywhere in the scenario.
    expect(new Set(bodies).size).toBe(bodies.length);
    // The follow-up of a hot lead is also its own alert, within the hours (not before 08:00).
    const followUp = bodies.filter((b) => b.startsWith("🔔 *Follow-up: Juliana Prado*"));
    expect(followUp).toHaveLength(1);
    expect(bodies.length).toBe(4);
  });
});
