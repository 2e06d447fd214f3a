// Rendered on the server as /operacao renders it (react-dom/server): each incident says what, how
// severe, whether it is still open, and when (São Paulo time); latency reads in seconds.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { incidenteLinha } from "@/lib/painel/operacao";
import { IncidentesTabela, segundosTexto } from "./operacao-graficos";

describe("IncidentesTabela", () => {
  it("shows an open incident as open and a resolved one with both times", () => {
    const html = renderToStaticMarkup(
      createElement(IncidentesTabela, {
        tz: "America/Sao_Paulo",
        incidentes: [
          incidenteLinha({
            id: "inc_2",
            tipo: "taxa_de_erro",
            severidade: "critical",
            abertoEm: new Date("2026-12-05T15:00:00Z"),
            resolvidoEm: null,
            detalhes: { falhas: 3, tentativas: 20, taxaPercentual: 15 },
          }),
          incidenteLinha({
            id: "inc_1",
            tipo: "backlog",
            severidade: "warning",
            abertoEm: new Date("2026-12-04T12:00:00Z"),
            resolvidoEm: new Date("2026-12-04T12:20:00Z"),
            detalhes: { pendentes: 1500 },
          }),
        ],
      }),
    );
    expect(html).toMatch(/Taxa de erro acima de 5%.*Crítico.*Aberto<\/span>.*Aberto em 05\/12 12h\. 15% de falhas/s);
    expect(html).toContain("Aberto em 04/12 9h · resolvido em 04/12 9h20. 1.500 eventos aguardam decisão");
  });

  it("says so when there was no incident", () => {
    const html = renderToStaticMarkup(createElement(IncidentesTabela, { tz: "America/Sao_Paulo", incidentes: [] }));
    expect(html).toContain("Nenhum incidente nos últimos 30 dias.");
  });
});

describe("segundosTexto", () => {
  it("writes seconds, then minutes and seconds", () => {
    expect(segundosTexto(5.55)).toBe("5,6 s");
    expect(segundosTexto(65)).toBe("1 min 05 s");
    expect(segundosTexto(null)).toBe("—");
  });
});
