import { describe, expect, it } from "vitest";
import { MENSAGEM_STATUS } from "@/lib/db/schema";
import { diasTexto, escritaMensagem, STATUS_MENSAGEM_OPCOES, statusMensagem } from "./rotulos";

describe("statusMensagem", () => {
  it("names every status in pt-BR", () => {
    expect(statusMensagem({ status: "outbox", scheduledFor: null }, "America/Sao_Paulo")).toEqual({
      rotulo: "Na caixa de saída",
      tom: "info",
    });
    expect(statusMensagem({ status: "retida_cota", scheduledFor: null }, "America/Sao_Paulo").rotulo).toBe(
      "Retida pela cota diária",
    );
    expect(statusMensagem({ status: "cancelada", scheduledFor: null }, "America/Sao_Paulo")).toEqual({
      rotulo: "Cancelada",
      tom: "neutro",
    });
    expect(STATUS_MENSAGEM_OPCOES.map((o) => o.valor).sort()).toEqual([...MENSAGEM_STATUS].sort());
  });

  it("says when a scheduled message goes out, on the agency's clock", () => {
    const agendada = { status: "agendada" as const, scheduledFor: new Date("2026-11-24T11:00:00Z") };
    expect(statusMensagem(agendada, "America/Sao_Paulo").rotulo).toBe("Agendada para 24/11/2026 08:00");
    expect(statusMensagem({ ...agendada, scheduledFor: null }, "America/Sao_Paulo").rotulo).toBe("Agendada");
  });
});

describe("diasTexto", () => {
  it("reads a run of days as a range and anything else as a list", () => {
    expect(diasTexto([1, 2, 3, 4, 5])).toBe("Seg a Sex");
    expect(diasTexto([6, 1, 2, 3, 4, 5])).toBe("Seg a Sáb");
    expect(diasTexto([0, 1, 2, 3, 4, 5, 6])).toBe("Todos os dias");
    expect(diasTexto([0, 2, 3, 4, 5, 6])).toBe("Dom, Ter, Qua, Qui, Sex, Sáb");
    expect(diasTexto([1, 3])).toBe("Seg, Qua");
  });
});

describe("escritaMensagem", () => {
  it("says which engine wrote a sent message, and why the template went", () => {
    expect(escritaMensagem({ escritaPor: "modelo:gpt-4o-mini", escritaMotivo: null })).toBe(
      "Escrita pela IA (gpt-4o-mini)",
    );
    // Without a key (or for a fixed-format kind) the dashboard says nothing, as before the AI layer.
    expect(escritaMensagem({ escritaPor: "regras", escritaMotivo: "sem_modelo" })).toBeNull();
    expect(escritaMensagem({ escritaPor: "regras", escritaMotivo: "tipo_fixo" })).toBeNull();
    expect(escritaMensagem({ escritaPor: "regras", escritaMotivo: "fato ausente: 82" })).toBe(
      "Modelo de texto (a IA mudou ou omitiu um dado)",
    );
    expect(escritaMensagem({ escritaPor: null, escritaMotivo: null })).toBeNull();
  });
});
