import { describe, expect, it } from "vitest";
import { describeAuditoria } from "./auditoria-texto";

describe("describeAuditoria: the logins' and brokers' rows as /configuracoes/auditoria reads them", () => {
  it("says whether a login was deactivated or reactivated", () => {
    expect(
      describeAuditoria({ acao: "usuario.ativo", detalhes: { papel: "gestor", antes: true, depois: false } }),
    ).toEqual({
      oque: "Login desativado",
      mudanca: "ativo: sim → não",
    });
    expect(
      describeAuditoria({ acao: "usuario.ativo", detalhes: { papel: "gestor", antes: false, depois: true } }).oque,
    ).toBe("Login reativado");
  });

  it("names the other login and broker actions in pt-BR", () => {
    expect(describeAuditoria({ acao: "usuario.criado", detalhes: { papel: "corretor", corretorId: "cor_1" } })).toEqual(
      {
        oque: "Login criado (senha provisória)",
        mudanca: "papel: corretor · corretorId: cor_1",
      },
    );
    expect(describeAuditoria({ acao: "usuario.senha_redefinida", detalhes: { papel: "admin" } }).oque).toBe(
      "Senha redefinida pelo administrador (senha provisória)",
    );
    expect(describeAuditoria({ acao: "usuario.senha_trocada", detalhes: {} })).toEqual({
      oque: "Senha trocada pelo próprio usuário",
      mudanca: null,
    });
    expect(describeAuditoria({ acao: "corretor.criado", detalhes: { limiteDiario: 5, ativo: true } })).toEqual({
      oque: "Corretor adicionado",
      mudanca: "limiteDiario: 5 · ativo: sim",
    });
  });
});
