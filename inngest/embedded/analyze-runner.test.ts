// Integration: with the embedded runner wired as the server wires it, a lead posted through the real
// portal route has its message analysed within seconds, after the webhook has answered.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { templateWriter } from "@/agents/conselheiro/compose/templates";
import {
  authHeaders,
  createWebhookAgency,
  deliveryRequest,
  fixture,
} from "@/app/api/webhooks/portais/testing/webhook-agency";
import { POST } from "@/app/api/webhooks/portais/[...rota]/route";
import { interacoes } from "@/lib/db/schema";
import { createKv } from "@/lib/kv";
import { createOutboxClient } from "@/lib/whatsapp/outbox-client";
import { registerEmbeddedRunner } from "../dispatch";
import { DEFAULT_RUNNER_OPTIONS, EmbeddedRunner } from "./embedded-runner";
import { registerRunnerTestDb } from "./testing/runner-harness";
import { wireToRunner } from "./wire-to-runner";

const handle = registerRunnerTestDb();

describe("embedded runner: ConversationAnalyzer", () => {
  it("a posted lead's message is analysed by the runner: sentimento and analysis on its interação", async () => {
    await createWebhookAgency(handle(), { slug: "runner-analise", brokers: 1 });
    const deps = {
      db: handle().db,
      kv: createKv({ driver: "memory" }),
      whatsapp: createOutboxClient(),
      now: () => new Date(),
      writer: templateWriter,
    };
    const runner = new EmbeddedRunner(deps, { ...DEFAULT_RUNNER_OPTIONS, sweepEveryMs: 60_000, retryBaseMs: 10 });
    registerEmbeddedRunner(wireToRunner(runner));
    try {
      const body = {
        ...fixture("grupo-olx-lead-visit-request.json"),
        originLeadId: "runner-analise-1",
        phoneNumber: "11951234567",
        message: "Adorei o apto!! tem como financiar? 😍",
      };
      const res = await POST(
        deliveryRequest("grupo-olx", "runner-analise", JSON.stringify(body), authHeaders("grupo-olx")),
        { params: Promise.resolve({ rota: ["grupo-olx", "runner-analise"] }) },
      );
      expect(res.status).toBe(201);
      const { leadId } = (await res.json()) as { leadId: string };

      const deadline = Date.now() + 10_000;
      let row = (await handle().db.select().from(interacoes).where(eq(interacoes.leadId, leadId)))[0];
      while (!row?.analisadoEm && Date.now() < deadline) {
        await runner.idle();
        await new Promise((r) => setTimeout(r, 25));
        row = (await handle().db.select().from(interacoes).where(eq(interacoes.leadId, leadId)))[0];
      }
      expect(row).toMatchObject({
        sentimento: "positivo",
        analise: { intencao: "financiamento", sentimento: "positivo" },
      });
    } finally {
      await runner.stop();
    }
  });
});
