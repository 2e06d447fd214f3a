import { describe, expect, it } from "vitest";
import { auditoriaQueryString, parseAuditoriaFiltros, toAuditoriaBusca } from "./auditoria-filtros";
import { describeAuditoria } from "./auditoria-texto";

describe("auditoria's URL", () => {
  it("keeps what fits, drops what does not, and writes the same filters back with the page boundary", () => {
    const filtros = parseAuditoriaFiltros({
      acao: "integracao.segredo_trocado",
      usuario: "usr_01",
      de: "2026-12-01",
      ate: "2026-02-31",
      apos: "2026-12-04T02:30:00.000000~12",
    });
    expect(filtros).toEqual({
      acao: "integracao.segredo_trocado",
      usuario: "usr_01",
      de: "2026-12-01",
      ate: undefined,
      apos: { criado: "2026-12-04T02:30:00.000000", id: 12 },
    });
    expect(parseAuditoriaFiltros({ acao: "'; drop table", apos: "ontem" })).toMatchObject({
      acao: undefined,
      apos: undefined,
    });
    expect(auditoriaQueryString(filtros, { criado: "2026-12-03T10:00:00.000000", id: 7 })).toBe(
      "?acao=integracao.segredo_trocado&usuario=usr_01&de=2026-12-01&apos=2026-12-03T10%3A00%3A00.000000%7E7",
    );
  });

  it("turns the days into São Paulo midnights, 'até' including its whole day", () => {
    const busca = toAuditoriaBusca(parseAuditoriaFiltros({ de: "2026-12-03", ate: "2026-12-03" }));
    expect(busca.desde).toEqual(new Date("2026-12-03T03:00:00.000Z"));
    expect(busca.antes).toEqual(new Date("2026-12-04T03:00:00.000Z"));
  });
});

describe("describeAuditoria", () => {
  it("names the rotated portal in pt-BR and never shows a secret", () => {
    expect(describeAuditoria({ acao: "integracao.segredo_trocado", detalhes: { portal: "chaves-na-mao" } })).toEqual({
      oque: "Credencial do portal Chaves na Mão trocada",
      mudanca: "segredo anterior → segredo novo (nenhum é guardado aqui)",
    });
  });

  it("reads a before → after row, and leaves an action it does not know as it is", () => {
    expect(
      describeAuditoria({ acao: "config.limite", detalhes: { campo: "limite diário", antes: 10, depois: null } }),
    ).toEqual({ oque: "config.limite", mudanca: "limite diário: 10 → —" });
    expect(describeAuditoria({ acao: "x.y", detalhes: { ativo: false } }).mudanca).toBe("ativo: não");
  });

  it("reads a settings row field by field, in the form's words", () => {
    expect(
      describeAuditoria({
        acao: "imobiliaria.configuracoes",
        detalhes: {
          campos: "scoreQuente,roteamento,template.alerta.comBotoes",
          "scoreQuente.antes": 70,
          "scoreQuente.depois": 60,
          "roteamento.antes": "roleta",
          "roteamento.depois": "dono_do_anuncio",
          "template.alerta.comBotoes.antes": null,
          "template.alerta.comBotoes.depois": "HX00",
        },
      }),
    ).toEqual({
      oque: "Configurações da imobiliária alteradas",
      mudanca:
        "quente a partir de: 70 → 60 · distribuição: roleta → dono do imóvel · modelo Twilio alerta (com botões): — → HX00",
    });
  });
});
