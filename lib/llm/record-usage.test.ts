// Real database (PGlite, or Postgres with DATABASE_URL); no model is called: the records are what
// generate.ts hands the recorder after each call.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { insertImobiliaria } from "@/lib/db/queries/imobiliarias";
import { usoLlm } from "@/lib/db/schema";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { usageRecorder } from "./record-usage";
import type { LlmCallRecord } from "./types";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t?.cleanup());

// 5 Dec, 23:30 in São Paulo: already the 6th in UTC.
const now = () => new Date("2026-12-06T02:30:00Z");
const call = (imobiliariaId: string | null, over: Partial<LlmCallRecord> = {}): LlmCallRecord => ({
  tarefa: "mensagem",
  imobiliariaId,
  modelo: "gpt-4o-mini",
  usage: { inputTokens: 100, outputTokens: 20 },
  ok: true,
  ...over,
});
const rows = (imobiliariaId: string) =>
  t.db.select().from(usoLlm).where(eq(usoLlm.imobiliariaId, imobiliariaId)).orderBy(usoLlm.tarefa);

describe("usage recorder", () => {
  it("sums a burst's calls in memory and writes each agency-day-task row once, on the agency's local day", async () => {
    const { id } = await insertImobiliaria(t.db, { slug: "uso-soma", nome: "Soma" });
    const record = usageRecorder(t.db, now, 60_000);
    for (let i = 0; i < 5; i++) await record(call(id));
    await record(call(id, { ok: false, usage: { inputTokens: 0, outputTokens: 0 } }));
    await record(call(id, { tarefa: "analise", usage: { inputTokens: 300, outputTokens: 50 } }));
    await record(call(null)); // no agency: not counted
    expect(await rows(id)).toEqual([]);
    await record.flush();
    expect(await rows(id)).toMatchObject([
      { tarefa: "analise", dia: "2026-12-05", chamadas: 1, falhas: 0, tokensEntrada: 300, tokensSaida: 50 },
      { tarefa: "mensagem", dia: "2026-12-05", chamadas: 6, falhas: 1, tokensEntrada: 500, tokensSaida: 100 },
    ]);
    // A second burst adds to the same rows.
    await record(call(id));
    await record.flush();
    expect((await rows(id)).find((r) => r.tarefa === "mensagem")).toMatchObject({ chamadas: 7, tokensEntrada: 600 });
  });

  it("writes on its own a moment after the calls, with nobody asking", async () => {
    const { id } = await insertImobiliaria(t.db, { slug: "uso-timer", nome: "Timer" });
    const record = usageRecorder(t.db, now, 50);
    await record(call(id));
    await record(call(id));
    await vi.waitFor(async () => expect(await rows(id)).toHaveLength(1), { timeout: 5_000 });
    expect(await rows(id)).toMatchObject([{ chamadas: 2, tokensEntrada: 200 }]);
  });

  it("with no interval, each call is on its row before the call returns", async () => {
    const { id } = await insertImobiliaria(t.db, { slug: "uso-ja", nome: "Já" });
    const record = usageRecorder(t.db, now, 0);
    await record(call(id));
    expect(await rows(id)).toMatchObject([{ chamadas: 1, tokensEntrada: 100 }]);
  });
});
