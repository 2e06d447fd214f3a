import { describe, expect, it } from "vitest";
import { parseConfiguracoes } from "@/lib/domain/configuracoes-imobiliaria";
import { parsePreferencias, type PreferenciasInput } from "@/lib/domain/preferencias";
import { decide, type DecideInput } from "./decide";

// 2026-11-24 is a Tuesday; São Paulo is UTC−3 all year. Default hours 08:00–20:00, Monday–Saturday.
const SP = "America/Sao_Paulo";
const TUE_1955 = new Date("2026-11-24T22:55:00Z");
const TUE_2001 = new Date("2026-11-24T23:01:00Z");
const TUE_1000 = new Date("2026-11-24T13:00:00Z");

function input(over: {
  score?: number;
  tipo?: DecideInput["evento"]["tipo"];
  status?: DecideInput["lead"]["status"];
  prefs?: PreferenciasInput;
  ativo?: boolean;
  now?: Date;
  timezone?: string;
  semCorretor?: boolean;
}): DecideInput {
  return {
    evento: { tipo: over.tipo ?? "novo_lead" },
    lead: { score: over.score ?? 82, status: over.status ?? "novo" },
    corretor: over.semCorretor
      ? null
      : { ativo: over.ativo ?? true, preferencias: parsePreferencias(over.prefs ?? {}) },
    configuracoes: parseConfiguracoes({}),
    timezone: over.timezone ?? SP,
    now: over.now ?? TUE_1000,
  };
}

describe("decide: priority", () => {
  it("hot score or a visit request → agora", () => {
    expect(decide(input({ score: 70 }))).toEqual({ acao: "agora" });
    expect(decide(input({ score: 12, tipo: "visita_solicitada" }))).toEqual({ acao: "agora" });
    expect(decide(input({ score: 90, tipo: "lead_retorno" }))).toEqual({ acao: "agora" });
  });

  it("warm (40 ≤ score < 70), also a returning warm lead → agrupar for the broker's window", () => {
    const closes = new Date(TUE_1000.getTime() + 30 * 60_000);
    expect(decide(input({ score: 69 }))).toEqual({ acao: "agrupar", janelaFechaEm: closes });
    expect(decide(input({ score: 40, tipo: "lead_retorno" }))).toEqual({ acao: "agrupar", janelaFechaEm: closes });
    const custom = decide(input({ score: 55, prefs: { agrupamento: { janelaMinutos: 10, tamanhoMaximo: 3 } } }));
    expect(custom).toEqual({ acao: "agrupar", janelaFechaEm: new Date("2026-11-24T13:10:00Z") });
  });

  it("cold, or a closed/lost lead → so_resumo, even off hours", () => {
    expect(decide(input({ score: 39 }))).toEqual({ acao: "so_resumo" });
    expect(decide(input({ score: 5, now: TUE_2001 }))).toEqual({ acao: "so_resumo" });
    expect(decide(input({ score: 95, status: "perdido" }))).toEqual({ acao: "so_resumo" });
  });

  it("uses the agency's thresholds", () => {
    const base = input({ score: 65 });
    expect(decide({ ...base, configuracoes: { scoreQuente: 60, scoreMorno: 30 } })).toEqual({ acao: "agora" });
    expect(decide({ ...input({ score: 35 }), configuracoes: { scoreQuente: 60, scoreMorno: 30 } }).acao).toBe(
      "agrupar",
    );
  });

  it("no broker, or an inactive one → sem_corretor", () => {
    expect(decide(input({ semCorretor: true }))).toEqual({ acao: "sem_corretor" });
    expect(decide(input({ ativo: false }))).toEqual({ acao: "sem_corretor" });
  });
});

describe("decide: quiet hours (agency timezone)", () => {
  it("19:55 for hours ending 20:00 is now", () => {
    expect(decide(input({ now: TUE_1955 }))).toEqual({ acao: "agora" });
  });

  it("20:01 is scheduled for the next working day's start, in UTC", () => {
    expect(decide(input({ now: TUE_2001 }))).toEqual({
      acao: "agendar",
      quando: new Date("2026-11-25T11:00:00Z"),
      motivo: "fora_do_expediente",
    });
  });

  it("Saturday 20:01 skips Sunday when it is not a working day, but not when it is", () => {
    const sat2001 = new Date("2026-11-28T23:01:00Z");
    expect(decide(input({ now: sat2001 }))).toMatchObject({
      acao: "agendar",
      quando: new Date("2026-11-30T11:00:00Z"),
    });
    const withSunday = decide(input({ now: sat2001, prefs: { dias: [0, 1, 2, 3, 4, 5, 6] } }));
    expect(withSunday).toMatchObject({ acao: "agendar", quando: new Date("2026-11-29T11:00:00Z") });
  });

  it("hot leads break quiet hours only when the broker chose it", () => {
    expect(decide(input({ now: TUE_2001, prefs: { silencio: "urgente_pode_quebrar" } }))).toEqual({ acao: "agora" });
  });

  it("a warm lead off hours waits for a digest after the next shift starts", () => {
    expect(decide(input({ score: 50, now: TUE_2001 }))).toEqual({
      acao: "agrupar",
      janelaFechaEm: new Date("2026-11-25T11:00:00Z"),
    });
  });

  it("hours are the agency's local time, not São Paulo's", () => {
    // 20:30 in São Paulo is 19:30 in Manaus (UTC−4): still on duty there.
    const at = new Date("2026-11-24T23:30:00Z");
    expect(decide(input({ now: at })).acao).toBe("agendar");
    expect(decide(input({ now: at, timezone: "America/Manaus" }))).toEqual({ acao: "agora" });
  });
});

describe("decide: paused broker", () => {
  const pausedUntil = "2026-11-24T16:00:00.000Z"; // 13:00 local

  it("holds hot leads until the pause ends", () => {
    expect(decide(input({ prefs: { pausadoAte: pausedUntil } }))).toEqual({
      acao: "agendar",
      quando: new Date(pausedUntil),
      motivo: "pausado",
    });
  });

  it("a pause ending after hours resumes at the next shift, unless urgent leads may break quiet hours", () => {
    const lateTue = "2026-11-25T00:30:00.000Z"; // 21:30 local
    expect(decide(input({ prefs: { pausadoAte: lateTue } }))).toEqual({
      acao: "agendar",
      quando: new Date("2026-11-25T11:00:00Z"),
      motivo: "pausado",
    });
    expect(decide(input({ prefs: { pausadoAte: lateTue, silencio: "urgente_pode_quebrar" } }))).toEqual({
      acao: "agendar",
      quando: new Date(lateTue),
      motivo: "pausado",
    });
  });

  it("a warm lead during a pause is grouped after the pause; a past pause changes nothing", () => {
    expect(decide(input({ score: 50, prefs: { pausadoAte: pausedUntil } }))).toEqual({
      acao: "agrupar",
      janelaFechaEm: new Date(pausedUntil),
    });
    expect(decide(input({ prefs: { pausadoAte: "2026-11-24T12:00:00.000Z" } }))).toEqual({ acao: "agora" });
  });
});
