import { describe, expect, it } from "vitest";
import { describeDecision, type DecisaoContexto } from "./describe-decision";

const ctx = (over: Partial<DecisaoContexto> = {}): DecisaoContexto => ({
  score: 52,
  limiares: { quente: 70, morno: 40 },
  limiteDiario: 5,
  timezone: "America/Sao_Paulo",
  ...over,
});
// 09:30 in São Paulo (UTC-3).
const decididoEm = "2026-03-10T12:30:00.000Z";

describe("describeDecision", () => {
  it("tells a follow-up left to the summary, and the visit messages the sweep wrote", () => {
    expect(describeDecision({ acao: "so_resumo" }, ctx({ eventoTipo: "follow_up_vencido" }))).toBe(
      "só no resumo diário (follow-ups de hoje): o score 52 não é quente",
    );
    expect(describeDecision({ acao: "agora" }, ctx({ eventoTipo: "lembrete_visita" }))).toBe(
      "lembrete da visita enviado ao corretor",
    );
    expect(
      describeDecision(
        { acao: "agendar", quando: "2026-03-11T11:00:00.000Z", motivo: "fora_do_expediente", decididoEm },
        ctx({ eventoTipo: "pos_visita" }),
      ),
    ).toMatch(/^agendada para .*08:00: fora do expediente$/);
  });

  it("explains a grouped lead by its warm score and when the digest leaves", () => {
    expect(describeDecision({ acao: "agrupar", mensagemIds: [] }, ctx())).toBe("agrupada porque o score 52 é morno");
    expect(describeDecision({ acao: "agrupar", janelaFechaEm: "2026-03-10T12:45:00.000Z", decididoEm }, ctx())).toBe(
      "agrupada porque o score 52 é morno; a mensagem agrupada sai até 09:45",
    );
  });

  it("names the daily quota that held an alert", () => {
    expect(describeDecision({ acao: "agora", cota: "retida", mensagemIds: ["m"] }, ctx({ score: 85 }))).toBe(
      "retida pela cota diária (5/5)",
    );
    // The demo seed's older shape says the same.
    expect(describeDecision({ tipo: "retido", motivo: "Cota diária de mensagens atingida" }, ctx())).toBe(
      "retida pela cota diária (5/5)",
    );
  });

  it("says when a scheduled alert goes and why, in the agency's clock", () => {
    const cedo = "2026-03-10T09:30:00.000Z"; // 06:30 local
    expect(
      describeDecision(
        { acao: "agendar", quando: "2026-03-10T11:00:00.000Z", motivo: "fora_do_expediente", decididoEm: cedo },
        ctx(),
      ),
    ).toBe("agendada para 08:00: fora do expediente");
    // Decided the evening before: the day is named.
    expect(
      describeDecision(
        { acao: "agendar", quando: "2026-03-11T11:00:00.000Z", motivo: "pausado", decididoEm: "2026-03-11T01:00:00Z" },
        ctx(),
      ),
    ).toBe("agendada para 11/03 08:00: corretor em pausa");
  });

  it("tells an alert sent at once by its hot score or the visit request", () => {
    expect(describeDecision({ acao: "agora", cota: "liberada" }, ctx({ score: 82 }))).toBe(
      "enviada na hora porque o score 82 é quente",
    );
    expect(describeDecision({ acao: "agora" }, ctx({ score: 30, eventoTipo: "visita_solicitada" }))).toBe(
      "enviada na hora porque o lead pediu visita",
    );
  });

  it("covers the decisions that send nothing", () => {
    expect(describeDecision({ acao: "so_resumo" }, ctx({ score: 12 }))).toMatch(
      /^só no resumo diário porque o score 12/,
    );
    expect(describeDecision({ acao: "sem_corretor" }, ctx())).toBe("sem alerta: nenhum corretor ativo para este lead");
    expect(describeDecision({ acao: "sem_corretor", motivo: "lead_de_teste" }, ctx())).toBe(
      "sem alerta: lead de teste enviado pelo painel",
    );
    expect(describeDecision({ acao: "repetida", motivo: "ja_avisado_hoje" }, ctx())).toBe(
      "sem nova mensagem: o corretor já foi avisado hoje sobre este lead",
    );
    expect(describeDecision({ acao: "repetida", motivo: "aguardando_envio" }, ctx())).toBe(
      "sem nova mensagem: o aviso anterior deste lead ainda aguarda envio",
    );
    expect(describeDecision({ acao: "cancelado" }, ctx())).toMatch(/passado para outro corretor/);
    expect(describeDecision({ acao: "cancelado", motivo: "lead_encerrado" }, ctx())).toBe(
      "cancelada: o lead foi encerrado (fechado ou perdido) antes do envio",
    );
  });

  it("does not claim a temperature the score does not have (older decisions)", () => {
    expect(describeDecision({ acao: "agrupar" }, ctx({ score: 20 }))).toBe("agrupada com outros leads do corretor");
    expect(describeDecision({ tipo: "agora", motivo: "Dentro do horário do corretor" }, ctx({ score: 50 }))).toBe(
      "enviada na hora: dentro do horário do corretor",
    );
  });

  it("returns null for an event not decided yet", () => {
    expect(describeDecision(undefined, ctx())).toBeNull();
    expect(describeDecision(null, ctx())).toBeNull();
    expect(describeDecision({}, ctx())).toBeNull();
  });
});
