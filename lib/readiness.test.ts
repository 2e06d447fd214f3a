import { describe, expect, it } from "vitest";
import { checkReadiness, type ReadinessDeps } from "./readiness";

const NOW = new Date("2026-12-05T15:00:00Z");

function deps(
  overrides: Partial<ReadinessDeps> & { pendentes?: number; maisAntigo?: Date | null } = {},
): ReadinessDeps {
  const { pendentes = 0, maisAntigo = null, ...rest } = overrides;
  return {
    db: { driver: "postgres", ping: async () => {}, backlog: async () => ({ pendentes, maisAntigo }) },
    kv: { driver: "redis", ping: async () => {} },
    twilioConfigured: true,
    runner: "worker",
    llmConfigured: true,
    now: () => NOW,
    ...rest,
  };
}

describe("checkReadiness", () => {
  it("stays ready with a backlog past the seed's 1,000 events, and warns in pt-BR naming the runner", async () => {
    const report = await checkReadiness(deps({ pendentes: 1_001, maisAntigo: new Date(NOW.getTime() - 60_000) }));
    expect(report.ok).toBe(true);
    expect(report.whatsapp).toBe("twilio");
    expect(report.ia).toBe("modelo");
    expect(report.pipeline).toEqual({
      executor: "worker",
      pendentes: 1_001,
      maisAntigoEm: "2026-12-05T14:59:00.000Z",
      atrasoSegundos: 60,
    });
    expect(report.avisos).toEqual([
      "1.001 eventos aguardam decisão (acima de 1.000); o pipeline (npm run worker) não está dando conta.",
    ]);
  });

  it("does not warn at exactly 1,000 events and 5 minutes", async () => {
    const report = await checkReadiness(deps({ pendentes: 1_000, maisAntigo: new Date(NOW.getTime() - 5 * 60_000) }));
    expect(report.avisos).toEqual([]);
  });

  it("is not ready when the database is down, and reports the backlog as unknown", async () => {
    const report = await checkReadiness(
      deps({
        db: {
          driver: "postgres",
          ping: () => Promise.reject(new Error("ECONNREFUSED")),
          backlog: () => Promise.reject(new Error("ECONNREFUSED")),
        },
      }),
    );
    expect(report.ok).toBe(false);
    expect(report.pipeline.pendentes).toBeNull();
    expect(report.pipeline.atrasoSegundos).toBeNull();
    expect(JSON.stringify(report)).not.toContain("ECONNREFUSED");
  });
});
