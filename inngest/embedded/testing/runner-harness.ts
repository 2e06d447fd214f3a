// Test support for the pipeline's runner tests (inngest/*.test.ts, inngest/embedded/*.test.ts): a
// file's test database, a runner on a chosen clock, several sweeping at once (a second process, a
// restart mid-tick), a lead posted to the real portal route, a wait for what the runner does in the
// background, and closing the SLA chain of leads a test set up by hand (that chain is
// agents/vigilante/sla's to test).
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect } from "vitest";
import { templateWriter } from "@/agents/conselheiro/compose/templates";
import { authHeaders, deliveryRequest, fixture } from "@/app/api/webhooks/portais/testing/webhook-agency";
import { POST } from "@/app/api/webhooks/portais/[...rota]/route";
import { useDbForTests, type Db } from "@/lib/db/client";
import { leads } from "@/lib/db/schema";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { createKv } from "@/lib/kv";
import type { WhatsAppClient } from "@/lib/whatsapp/types";
import type { PipelineDeps } from "../../deps";
import { registerEmbeddedRunner } from "../../dispatch";
import { DEFAULT_RUNNER_OPTIONS, EmbeddedRunner, type EmbeddedRunnerOptions } from "../embedded-runner";

/**
 * The file's database, the app's too (the route handlers read it) from beforeAll on; afterAll also
 * unhooks any runner a test left registered. An accessor, since the database exists only once beforeAll ran.
 */
export function registerRunnerTestDb(): () => TestDb {
  let handle: TestDb | undefined;
  beforeAll(async () => {
    handle = await createTestDb();
    useDbForTests(handle);
  });
  afterAll(async () => {
    registerEmbeddedRunner(undefined);
    useDbForTests(null);
    await handle?.cleanup();
  });
  return () => {
    if (!handle) throw new Error("the test database exists from beforeAll on");
    return handle;
  };
}

/** A sweep only when the test asks for one; quick retries; analyses as soon as nothing urgent waits. */
export const RUNNER_TEST_OPTIONS: EmbeddedRunnerOptions = {
  ...DEFAULT_RUNNER_OPTIONS,
  sweepEveryMs: 60_000,
  retryBaseMs: 10,
  analyzeQuietMs: 0,
};

/** A runner of its own (fresh in-memory KV) whose clock reads `at`: an instant, or a clock function. */
export function runnerAt(
  db: Db,
  whatsapp: WhatsAppClient,
  at: Date | (() => Date),
  options: EmbeddedRunnerOptions = RUNNER_TEST_OPTIONS,
): EmbeddedRunner {
  const deps: PipelineDeps = {
    db,
    kv: createKv({ driver: "memory" }),
    whatsapp,
    now: typeof at === "function" ? at : () => at,
    writer: templateWriter,
  };
  return new EmbeddedRunner(deps, options);
}

/** The runners sweep at the same moment, then each finishes what it started and stops. */
export async function sweepWith(...runners: EmbeddedRunner[]): Promise<void> {
  await Promise.all(runners.map((r) => r.runSweep()));
  for (const r of runners) {
    await r.idle();
    await r.stop();
  }
}

/** Waits for what the runner does in the background; fails after `timeoutMs`. */
export async function until(check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condição não atingida a tempo");
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * Grupo OLX's visit request (a hot lead) number `n` posted to the agency's real portal route (the
 * database is the one given to useDbForTests); `fields` override the fixture's. Returns the lead id.
 */
export async function postLead(slug: string, n: number, fields: Record<string, unknown> = {}): Promise<string> {
  const body = {
    ...fixture("grupo-olx-lead-visit-request.json"),
    originLeadId: `${slug}-${n}`,
    phoneNumber: `1197${String(1000000 + n).slice(-7)}`,
    name: `Pessoa ${slug} ${n}`,
    ...fields,
  };
  const res = await POST(deliveryRequest("grupo-olx", slug, JSON.stringify(body), authHeaders("grupo-olx")), {
    params: Promise.resolve({ rota: ["grupo-olx", slug] }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { leadId: string }).leadId;
}

/**
 * Marks the agency's leads as past the SLA chain: leads a test works without the interações that
 * record a first response would otherwise get the chain's reminders and managers' alerts on its sweeps.
 */
export async function closeSlaChains(db: Db, imobiliariaId: string): Promise<void> {
  await db.update(leads).set({ slaEtapa: 3 }).where(eq(leads.imobiliariaId, imobiliariaId));
}
