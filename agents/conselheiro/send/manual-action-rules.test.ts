// The buttons a login sees on a message card, and what it reads after clicking: the page takes both
// from here, so a role never sees a button the action would refuse.
import { describe, expect, it } from "vitest";
import { acoesPermitidas } from "./manual-action-rules";
import { avisosAcao, describeManualResult } from "./manual-action-texts";
import type { Mensagem } from "@/lib/db/queries/mensagens";

const TZ = "America/Sao_Paulo";

describe("acoesPermitidas", () => {
  it("a held alert: only a manager sends it now", () => {
    expect(acoesPermitidas("gestor", "retida_cota")).toEqual(["enviar_agora"]);
    expect(acoesPermitidas("admin", "retida_cota")).toEqual(["enviar_agora"]);
    expect(acoesPermitidas("corretor", "retida_cota")).toEqual([]);
  });

  it("a failed message: anyone who sees it may retry it", () => {
    for (const papel of ["corretor", "gestor", "admin"] as const) {
      expect(acoesPermitidas(papel, "falhou")).toEqual(["tentar_de_novo"]);
    }
  });

  it("an uncertain message: the admin alone settles it", () => {
    expect(acoesPermitidas("admin", "incerta")).toEqual(["chegou", "reenviar"]);
    expect(acoesPermitidas("gestor", "incerta")).toEqual([]);
    expect(acoesPermitidas("corretor", "incerta")).toEqual([]);
  });

  it("a message on its way or delivered: nothing to do by hand", () => {
    for (const status of ["pendente", "enviando", "enviada", "entregue", "lida", "outbox", "agendada"] as const) {
      expect(acoesPermitidas("admin", status)).toEqual([]);
    }
  });
});

describe("what the person reads", () => {
  const feito = (cota: { usada: number; limite: number }, jaAgrupada = false) =>
    describeManualResult({ kind: "feito", acao: "enviar_agora", mensagem: {} as Mensagem, cota, jaAgrupada }, TZ)
      .mensagem;

  it("says when sending now takes the broker past the daily limit, and by how much", () => {
    expect(feito({ usada: 6, limite: 5 })).toBe(
      "Enviando agora, acima da cota: é a 6ª mensagem de hoje do corretor (limite 5).",
    );
    expect(feito({ usada: 2, limite: 5 })).toBe("Enviando agora. Conta na cota de hoje do corretor: 2 de 5.");
    expect(feito({ usada: 2, limite: 5 }, true)).toMatch(/Um resumo agrupado já falou deste lead/);
  });

  it("a status that changed meanwhile is named as the badge names it", () => {
    expect(describeManualResult({ kind: "status_mudou", atual: "outbox" }, TZ)).toEqual({
      ok: false,
      mensagem: "Nada mudou: a mensagem já está “Na caixa de saída”. A página foi atualizada.",
    });
  });

  it("warns before the click: quota, digest, uncertain", () => {
    expect(avisosAcao(["enviar_agora"], { mensagemAgrupadaId: null })).toHaveLength(1);
    expect(avisosAcao(["enviar_agora"], { mensagemAgrupadaId: "msg_x" })).toHaveLength(2);
    expect(avisosAcao(["chegou", "reenviar"], { mensagemAgrupadaId: null })[0]).toMatch(/Confira na Twilio/);
    expect(avisosAcao(["tentar_de_novo"], { mensagemAgrupadaId: null })).toEqual([]);
  });
});
