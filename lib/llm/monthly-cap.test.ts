// Real database (PGlite, or Postgres with DATABASE_URL); the model is the AI SDK's mock (no network).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertImobiliaria } from "@/lib/db/queries/imobiliarias";
import { recordUsoLlm } from "@/lib/db/queries/uso-llm";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { generatePlainText } from "./generate";
import { custoDoMesUsd, monthlyCap } from "./monthly-cap";
import { mockLlm } from "./testing/mock-llm";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t?.cleanup());

// 5 Dec, 10:00 in São Paulo.
const now = () => new Date("2026-12-05T13:00:00Z");
const uso = (imobiliariaId: string, dia: string, tokensEntrada: number, tokensSaida: number) =>
  recordUsoLlm(t.db, {
    imobiliariaId,
    dia,
    tarefa: "mensagem",
    modelo: "gpt-4o-mini",
    ok: true,
    tokensEntrada,
    tokensSaida,
  });

describe("monthly cap on the model's estimated cost", () => {
  it("counts only the agency's local month, at the model's price", async () => {
    const { id } = await insertImobiliaria(t.db, { slug: "cap-conta", nome: "Conta" });
    await uso(id, "2026-11-30", 10_000_000, 0); // last month: not counted
    await uso(id, "2026-12-01", 1_000_000, 1_000_000); // 0.15 + 0.60
    await uso(id, "2026-12-05", 2_000_000, 0); // 0.30
    expect(await custoDoMesUsd(t.db, id, now())).toBeCloseTo(1.05, 6);
  });

  it("past the cap, calls for that agency go to the rules engine without reaching the model; others still do", async () => {
    const capped = await insertImobiliaria(t.db, {
      slug: "cap-sim",
      nome: "Com limite",
      configuracoes: { limiteMensalIaUsd: 1 },
    });
    const livre = await insertImobiliaria(t.db, { slug: "cap-nao", nome: "Sem limite" });
    await uso(capped.id, "2026-12-02", 10_000_000, 0); // US$ 1.50
    await uso(livre.id, "2026-12-02", 10_000_000, 0);
    const { llm, prompts } = mockLlm(() => "Olá", { permitido: monthlyCap(t.db, now) });
    const req = (imobiliariaId: string) => ({ tarefa: "mensagem" as const, imobiliariaId, system: "s", prompt: "p" });
    await expect(generatePlainText(llm, req(capped.id))).rejects.toMatchObject({ motivo: "limite_mensal" });
    expect(prompts).toHaveLength(0);
    expect((await generatePlainText(llm, req(livre.id))).value).toBe("Olá");
    expect(prompts).toHaveLength(1);
  });
});
