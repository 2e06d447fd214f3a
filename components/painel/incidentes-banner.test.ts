// Rendered on the server as the layout renders it (react-dom/server): an open incident is a banner
// that names it, says since when (São Paulo time) and links to /operacao; none, no banner.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { incidenteLinha } from "@/lib/painel/operacao";
import { IncidentesBanner } from "./incidentes-banner";

const TZ = "America/Sao_Paulo";
const render = (incidentes: Parameters<typeof IncidentesBanner>[0]["incidentes"]) =>
  renderToStaticMarkup(createElement(IncidentesBanner, { incidentes, timezone: TZ }));

describe("IncidentesBanner", () => {
  it("names the open incident, since when, and links to /operacao", () => {
    const html = render([
      incidenteLinha({
        id: "inc_1",
        tipo: "redis_fora",
        severidade: "critical",
        abertoEm: new Date("2026-12-05T13:07:00Z"),
        resolvidoEm: null,
        detalhes: {},
      }),
    ]);
    expect(html).toContain("Incidente aberto: Redis fora do ar");
    expect(html).toContain("crítico, desde 05/12 às 10h07");
    expect(html).toContain('href="/operacao"');
    expect(html).toContain('role="alert"');
  });

  it("renders nothing without an open incident", () => {
    expect(render([])).toBe("");
  });
});
