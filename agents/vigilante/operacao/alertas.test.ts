// The pure decision: measurements and open incidents in, incidents to open and resolve out.
import { describe, expect, it } from "vitest";
import { decidirAlertas, type Medicoes } from "./alertas";

const now = new Date("2026-12-05T12:00:00Z");
const min = (n: number) => new Date(now.getTime() - n * 60_000);
const calmo: Medicoes = {
  backlog: { pendentes: 0, maisAntigo: null },
  erros: { envios: 100, enviosFalhos: 0, entregas: 100, entregas5xx: 0 },
  redisOk: true,
};

describe("decidirAlertas", () => {
  it("opens nothing when all is well", () => {
    expect(decidirAlertas(calmo, [], now)).toEqual({ abrir: [], resolver: [] });
  });

  it("opens latency (warning) past 5 min and backlog (warning) past 1,000", () => {
    const d = decidirAlertas({ ...calmo, backlog: { pendentes: 1001, maisAntigo: min(6) } }, [], now);
    expect(d.abrir).toEqual([
      { tipo: "latencia", severidade: "warning", detalhes: { atrasoMinutos: 6 } },
      { tipo: "backlog", severidade: "warning", detalhes: { pendentes: 1001 } },
    ]);
  });

  it("leaves exactly 5 min and exactly 1,000 alone", () => {
    const d = decidirAlertas({ ...calmo, backlog: { pendentes: 1000, maisAntigo: min(5) } }, [], now);
    expect(d.abrir).toEqual([]);
  });

  it("opens the error rate (critical) above 5 % with the minimum volume, not below it", () => {
    const alto = decidirAlertas(
      { ...calmo, erros: { envios: 10, enviosFalhos: 1, entregas: 10, entregas5xx: 1 } },
      [],
      now,
    );
    expect(alto.abrir).toEqual([
      { tipo: "taxa_de_erro", severidade: "critical", detalhes: { falhas: 2, tentativas: 20, taxaPercentual: 10 } },
    ]);
    const poucos = decidirAlertas(
      { ...calmo, erros: { envios: 2, enviosFalhos: 1, entregas: 0, entregas5xx: 0 } },
      [],
      now,
    );
    expect(poucos.abrir).toEqual([]);
    const cincoPorCento = decidirAlertas(
      { ...calmo, erros: { envios: 100, enviosFalhos: 5, entregas: 0, entregas5xx: 0 } },
      [],
      now,
    );
    expect(cincoPorCento.abrir).toEqual([]);
  });

  it("keeps an open error incident while the rate stays high even on low volume, resolves it when it drops", () => {
    const aberto = [{ id: "inc_1", tipo: "taxa_de_erro" as const }];
    const ainda = decidirAlertas(
      { ...calmo, erros: { envios: 2, enviosFalhos: 1, entregas: 0, entregas5xx: 0 } },
      aberto,
      now,
    );
    expect(ainda).toEqual({ abrir: [], resolver: [] });
    const ok = decidirAlertas(calmo, aberto, now);
    expect(ok.resolver.map((r) => r.id)).toEqual(["inc_1"]);
  });

  it("opens Redis down (critical) when the ping fails; nothing to watch with the memory KV", () => {
    expect(decidirAlertas({ ...calmo, redisOk: false }, [], now).abrir).toEqual([
      { tipo: "redis_fora", severidade: "critical", detalhes: {} },
    ]);
    expect(decidirAlertas({ ...calmo, redisOk: null }, [{ id: "inc_r", tipo: "redis_fora" }], now)).toEqual({
      abrir: [],
      resolver: [],
    });
  });

  it("does not repeat an open incident and resolves it once the condition is gone", () => {
    const medido = { ...calmo, backlog: { pendentes: 5, maisAntigo: min(10) } };
    expect(decidirAlertas(medido, [{ id: "inc_l", tipo: "latencia" }], now)).toEqual({ abrir: [], resolver: [] });
    expect(decidirAlertas(calmo, [{ id: "inc_l", tipo: "latencia" }], now).resolver).toEqual([
      { id: "inc_l", tipo: "latencia", detalhes: { atrasoMinutos: 0 } },
    ]);
  });

  it("a measurement that failed neither opens nor resolves", () => {
    const semDb: Medicoes = { backlog: null, erros: null, redisOk: true };
    expect(decidirAlertas(semDb, [{ id: "inc_b", tipo: "backlog" }], now)).toEqual({ abrir: [], resolver: [] });
  });
});
