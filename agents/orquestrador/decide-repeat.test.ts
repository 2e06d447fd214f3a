import { describe, expect, it } from "vitest";
import { parseConfiguracoes } from "@/lib/domain/configuracoes-imobiliaria";
import { parsePreferencias, type PreferenciasInput } from "@/lib/domain/preferencias";
import { decideWithRepeats, isRepeatInquiry, type HistoricoRepeticao, type RepeatInput } from "./decide-repeat";

// 2026-11-24 is a Tuesday; São Paulo is UTC−3. Default hours 08:00–20:00, Monday–Saturday.
const TUE_1000 = new Date("2026-11-24T13:00:00Z");
const TUE_2001 = new Date("2026-11-24T23:01:00Z");
const NADA: HistoricoRepeticao = { aguardando: false, retornoHoje: false, visitaAnterior: false };

function input(over: {
  score?: number;
  tipo?: RepeatInput["evento"]["tipo"];
  status?: RepeatInput["lead"]["status"];
  now?: Date;
  prefs?: PreferenciasInput;
  repeticao?: Partial<HistoricoRepeticao> | null;
}): RepeatInput {
  return {
    evento: { tipo: over.tipo ?? "lead_retorno" },
    lead: { score: over.score ?? 82, status: over.status ?? "novo" },
    corretor: { ativo: true, preferencias: parsePreferencias(over.prefs ?? {}) },
    configuracoes: parseConfiguracoes({}),
    timezone: "America/Sao_Paulo",
    now: over.now ?? TUE_1000,
    repeticao: over.repeticao === null ? null : { ...NADA, ...over.repeticao },
  };
}

describe("decideWithRepeats", () => {
  it("a first inquiry is decided as before, one alert per event", () => {
    expect(decideWithRepeats(input({ tipo: "novo_lead", repeticao: null }))).toEqual({
      decision: { acao: "agora" },
      chave: "alerta",
    });
  });

  it("a repeat while the lead's earlier outreach still waits sends nothing", () => {
    expect(decideWithRepeats(input({ repeticao: { aguardando: true } })).decision).toEqual({
      acao: "repetida",
      motivo: "aguardando_envio",
    });
    expect(decideWithRepeats(input({ score: 50, repeticao: { aguardando: true } })).decision).toEqual({
      acao: "repetida",
      motivo: "aguardando_envio",
    });
  });

  it("after today's 'voltou a perguntar' the rest of the day is timeline only", () => {
    expect(decideWithRepeats(input({ repeticao: { retornoHoje: true } })).decision).toEqual({
      acao: "repetida",
      motivo: "ja_avisado_hoje",
    });
  });

  it("the day's first repeat: one message with the day's key, now on duty or at the next shift start off duty, warm included", () => {
    expect(decideWithRepeats(input({}))).toEqual({ decision: { acao: "agora" }, chave: "retorno" });
    expect(decideWithRepeats(input({ score: 50 }))).toEqual({ decision: { acao: "agora" }, chave: "retorno" });
    expect(decideWithRepeats(input({ now: TUE_2001 }))).toEqual({
      decision: { acao: "agendar", quando: new Date("2026-11-25T11:00:00Z"), motivo: "fora_do_expediente" },
      chave: "retorno",
    });
  });

  it("cold and closed leads stay in the summary; repeats do not make them messages", () => {
    expect(decideWithRepeats(input({ score: 10 })).decision).toEqual({ acao: "so_resumo" });
    expect(decideWithRepeats(input({ status: "perdido", repeticao: { aguardando: true } })).decision).toEqual({
      acao: "so_resumo",
    });
  });

  it("a first visit request is news even while something waits; a second one is a plain repeat", () => {
    expect(
      decideWithRepeats(input({ tipo: "visita_solicitada", repeticao: { aguardando: true, retornoHoje: true } })),
    ).toEqual({ decision: { acao: "agora" }, chave: "visita" });
    expect(
      decideWithRepeats(input({ tipo: "visita_solicitada", repeticao: { visitaAnterior: true, retornoHoje: true } }))
        .decision,
    ).toEqual({ acao: "repetida", motivo: "ja_avisado_hoje" });
  });
});

describe("isRepeatInquiry", () => {
  const lead = { metadata: { entregaId: "ent_1" } };
  it("lead_retorno always; a visit request only when its delivery is not the lead's first", () => {
    expect(isRepeatInquiry({ tipo: "lead_retorno", metadata: null }, lead)).toBe(true);
    expect(isRepeatInquiry({ tipo: "visita_solicitada", metadata: { entregaId: "ent_1" } }, lead)).toBe(false);
    expect(isRepeatInquiry({ tipo: "visita_solicitada", metadata: { entregaId: "ent_2" } }, lead)).toBe(true);
    expect(isRepeatInquiry({ tipo: "novo_lead", metadata: { entregaId: "ent_2" } }, lead)).toBe(false);
  });
});
