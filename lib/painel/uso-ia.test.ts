// Real database (PGlite, or Postgres with DATABASE_URL).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertImobiliaria } from "@/lib/db/queries/imobiliarias";
import { recordUsoLlm } from "@/lib/db/queries/uso-llm";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { loadUsoIa } from "./uso-ia";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t?.cleanup());

describe("/metricas' Uso da IA", () => {
  it("adds the period's calls, failures, tokens and cost per task, both ends included, only this agency", async () => {
    const { id } = await insertImobiliaria(t.db, { slug: "uso-ia", nome: "Uso" });
    const { id: outra } = await insertImobiliaria(t.db, { slug: "uso-ia-2", nome: "Outra" });
    const r = (imobiliariaId: string, dia: string, tarefa: string, ok: boolean, e: number, s: number) =>
      recordUsoLlm(t.db, { imobiliariaId, dia, tarefa, modelo: "gpt-4o-mini", ok, tokensEntrada: e, tokensSaida: s });
    await r(id, "2026-11-30", "mensagem", true, 1_000_000, 0); // before the period
    await r(id, "2026-12-01", "mensagem", true, 1_000_000, 1_000_000);
    await r(id, "2026-12-01", "mensagem", false, 0, 0);
    await r(id, "2026-12-05", "analise", true, 2_000_000, 0); // the last day counts
    await r(id, "2026-12-06", "analise", true, 9_000_000, 0); // after
    await r(outra, "2026-12-02", "analise", true, 9_000_000, 0);
    const uso = await loadUsoIa(t.db, id, "2026-12-01", "2026-12-05");
    expect(uso.linhas).toEqual([
      { tarefa: "analise", chamadas: 1, falhas: 0, tokens: 2_000_000, custoUsd: expect.closeTo(0.3, 6) },
      { tarefa: "mensagem", chamadas: 2, falhas: 1, tokens: 2_000_000, custoUsd: expect.closeTo(0.75, 6) },
    ]);
    expect(uso.total).toMatchObject({ chamadas: 3, falhas: 1, tokens: 4_000_000 });
    expect(uso.estimado).toBe(false);
  });
});
