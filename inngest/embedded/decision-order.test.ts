// Integration: under a backlog, the embedded runner decides a hot lead before the cold ones that
// arrived first (inngest/embedded/decision-turns.ts), on a real database with the real route handler.
// The Orquestrador's steps (one event, a routine batch) are wrapped only to record the order they are
// called in; they still do their work.
import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { createWebhookAgency } from "@/app/api/webhooks/portais/testing/webhook-agency";
import { eventos } from "@/lib/db/schema";
import { createOutboxClient } from "@/lib/whatsapp/outbox-client";
import type { LeadReceived, PipelineEventName } from "@/agents/pipeline-events";
import { registerEmbeddedRunner } from "../dispatch";
import { postLead, registerRunnerTestDb, RUNNER_TEST_OPTIONS, runnerAt } from "./testing/runner-harness";
import { wireToRunner } from "./wire-to-runner";

const decided = vi.hoisted(() => [] as string[]);
const batches = vi.hoisted(() => [] as string[][]);
const failNextBatch = vi.hoisted(() => ({ on: false }));
vi.mock("@/agents/orquestrador/decide-batch", async (importOriginal) => {
  const batch = await importOriginal<typeof import("@/agents/orquestrador/decide-batch")>();
  return {
    ...batch,
    decideBatch: (deps: Parameters<typeof batch.decideBatch>[0], eventoIds: string[]) => {
      decided.push(...eventoIds);
      batches.push([...eventoIds]);
      if (failNextBatch.on) {
        failNextBatch.on = false;
        return Promise.reject(new Error("conexão perdida no meio do lote"));
      }
      return batch.decideBatch(deps, eventoIds);
    },
  };
});
vi.mock("../steps", async (importOriginal) => {
  const steps = await importOriginal<typeof import("../steps")>();
  return {
    ...steps,
    orchestrateInProcess: (deps: Parameters<typeof steps.orchestrateInProcess>[0], eventoId: string) => {
      decided.push(eventoId);
      return steps.orchestrateInProcess(deps, eventoId);
    },
  };
});

const handle = registerRunnerTestDb();

const coldForm = { temperature: "Baixa", message: "", extraData: { leadType: "CONTACT_FORM" } };

async function eventoOf(leadId: string): Promise<string> {
  const [row] = await handle().db.select({ id: eventos.id }).from(eventos).where(eq(eventos.leadId, leadId));
  return row!.id;
}

const oneAtATime = () =>
  runnerAt(handle().db, createOutboxClient(), () => new Date(), { ...RUNNER_TEST_OPTIONS, decideConcurrency: 1 });

describe("decision turns in the embedded runner", () => {
  it("as the webhooks hand them over: a hot lead that came after cold ones waiting for their turn goes before them", async () => {
    await createWebhookAgency(handle(), { slug: "entregues", brokers: 5 });
    const handed: { name: PipelineEventName; data: unknown; key: string }[] = [];
    registerEmbeddedRunner((name, data, key) => handed.push({ name, data, key }));
    const cold = [];
    for (let i = 1; i <= 4; i++) cold.push(await postLead("entregues", i, coldForm));
    const hot = await postLead("entregues", 5);
    registerEmbeddedRunner(undefined);
    // The intake hands over the event's urgência and the lead's score with it.
    const received = handed.filter((h) => h.name === "lead/received").map((h) => h.data as LeadReceived);
    expect(received.at(-1)).toMatchObject({ urgencia: "alta", score: expect.any(Number) });
    expect(received.slice(0, 4).map((d) => d.urgencia)).toEqual(["baixa", "baixa", "baixa", "baixa"]);

    decided.length = 0;
    batches.length = 0;
    const runner = oneAtATime();
    try {
      const deliver = wireToRunner(runner);
      for (const h of handed) deliver(h.name, h.data, h.key); // in arrival order: the first cold one starts at once
      await runner.idle();
    } finally {
      await runner.stop();
    }
    const [first, ...rest] = await Promise.all(cold.map(eventoOf));
    expect(decided).toEqual([first, await eventoOf(hot), ...rest]);
    // The cold ones that waited are decided together, in one turn.
    expect(batches).toEqual([rest]);
  });

  it("as a worker polls them: a hot lead that arrived after four cold ones is decided first, and every event is still decided", async () => {
    await createWebhookAgency(handle(), { slug: "turnos", brokers: 5 });
    const cold = [];
    for (let i = 1; i <= 4; i++) cold.push(await postLead("turnos", i, coldForm));
    const hot = await postLead("turnos", 5);

    decided.length = 0;
    batches.length = 0;
    const runner = oneAtATime();
    try {
      expect(await runner.pollEventos()).toBe(5);
      await runner.idle();
    } finally {
      await runner.stop();
    }
    expect(decided[0]).toBe(await eventoOf(hot));
    expect(decided.slice(1)).toEqual(await Promise.all(cold.map(eventoOf)));
    expect(batches).toEqual([decided.slice(1)]);
    const rows = await handle().db.select({ processado: eventos.processado }).from(eventos);
    expect(rows.every((r) => r.processado)).toBe(true);
  });

  it("a batch that fails leaves its events undecided, and each is retried alone until decided", async () => {
    await createWebhookAgency(handle(), { slug: "lote-falha", brokers: 3 });
    for (let i = 1; i <= 3; i++) await postLead("lote-falha", i, coldForm);

    decided.length = 0;
    batches.length = 0;
    failNextBatch.on = true;
    const runner = oneAtATime();
    const undecided = async () =>
      (await handle().db.select({ processado: eventos.processado }).from(eventos)).filter((r) => !r.processado);
    try {
      expect(await runner.pollEventos()).toBe(3);
      // The retries wait their backoff on a timer: idle() does not count those.
      await vi.waitFor(async () => expect(await undecided()).toEqual([]), { timeout: 10_000 });
      await runner.idle();
    } finally {
      await runner.stop();
    }
    // The first event started alone; the two behind it were batched, and that batch failed; then
    // each of the two on its own (a retry is never batched).
    expect(batches).toEqual([decided.slice(1, 3)]);
    expect(decided).toHaveLength(5);
    expect(decided.slice(3).sort()).toEqual(decided.slice(1, 3).sort());
  });
});
