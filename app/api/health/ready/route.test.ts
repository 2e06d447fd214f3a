// Integration: /api/health/ready through the real route handler and database (PGlite, or Postgres in CI).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDbForTests } from "@/lib/db/client";
import { insertEvento, markEventoDecididoIfPending } from "@/lib/db/queries/eventos";
import { insertImobiliaria } from "@/lib/db/queries/imobiliarias";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { GET } from "./route";

let handle: TestDb;
beforeAll(async () => {
  handle = await createTestDb();
  useDbForTests(handle);
});
afterAll(async () => {
  useDbForTests(null);
  await handle.cleanup();
});

type Ready = {
  ok: boolean;
  whatsapp: string;
  ia: string;
  pipeline: { executor: string; pendentes: number; maisAntigoEm: string | null; atrasoSegundos: number | null };
  avisos: string[];
};

async function ready(): Promise<{ status: number; body: Ready }> {
  const res = await GET();
  expect(res.headers.get("cache-control")).toBe("no-store");
  return { status: res.status, body: (await res.json()) as Ready };
}

describe("GET /api/health/ready", () => {
  it("says which parts run (outbox, rules, in-process runner) and an empty pipeline on a fresh database", async () => {
    const { status, body } = await ready();
    expect(status).toBe(200);
    expect(body.ok).toBe(true);
    expect(body.whatsapp).toBe("caixa_de_saida");
    expect(body.ia).toBe("regras");
    expect(body.pipeline).toEqual({ executor: "embutido", pendentes: 0, maisAntigoEm: null, atrasoSegundos: null });
    expect(body.avisos).toEqual([]);
  });

  it("counts undecided events and warns when the oldest has waited more than 5 minutes", async () => {
    const agency = await insertImobiliaria(handle.db, {
      slug: "prontidao",
      nome: "Prontidão",
      timezone: "America/Sao_Paulo",
    });
    const detectedAt = new Date(Date.now() - 12 * 60_000);
    const evento = (dataDeteccao: Date) =>
      insertEvento(handle.db, {
        imobiliariaId: agency.id,
        tipo: "novo_lead",
        urgencia: "alta",
        titulo: "Novo lead",
        descricao: "teste",
        acaoRecomendada: "teste",
        dataDeteccao,
      });
    const old = await evento(detectedAt);
    await evento(new Date());
    const decided = await evento(new Date(Date.now() - 60 * 60_000));
    await markEventoDecididoIfPending(handle.db, decided.id, { acao: "so_resumo" });

    const { status, body } = await ready();
    expect(status).toBe(200);
    expect(body.pipeline.pendentes).toBe(2);
    expect(body.pipeline.maisAntigoEm).toBe(old.dataDeteccao!.toISOString());
    expect(body.pipeline.atrasoSegundos).toBeGreaterThanOrEqual(12 * 60);
    expect(body.avisos).toHaveLength(1);
    expect(body.avisos[0]).toMatch(/O evento mais antigo sem decisão espera há 12 min/);
  });
});
