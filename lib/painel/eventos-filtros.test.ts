// /eventos' URL: each value that fits is read, each that does not is dropped (the list then ignores
// that filter instead of failing), and a page's link carries the filters and its boundary back.
import { describe, expect, it } from "vitest";
import { eventosQueryString, hasEventosFiltros, parseEventosFiltros, toEventosBusca } from "./eventos-filtros";

describe("parseEventosFiltros", () => {
  it("reads type, urgency, broker, period, state and boundary", () => {
    const filtros = parseEventosFiltros({
      tipo: "sla_violado",
      urgencia: "critica",
      corretor: "cor_01ABC",
      de: "2026-03-10",
      ate: "2026-03-11",
      processado: "nao",
      apos: "2026-03-10T12:30:00.123456~evt_01XYZ",
    });
    expect(filtros).toMatchObject({ tipo: "sla_violado", urgencia: "critica", processado: "nao" });
    expect(filtros.apos).toEqual({ detectado: "2026-03-10T12:30:00.123456", id: "evt_01XYZ" });
    expect(toEventosBusca(filtros, "America/Sao_Paulo")).toEqual({
      tipo: "sla_violado",
      urgencia: "critica",
      processado: false,
      desde: new Date("2026-03-10T03:00:00Z"),
      antes: new Date("2026-03-12T03:00:00Z"),
    });
    expect(eventosQueryString(filtros, filtros.apos)).toBe(
      "?tipo=sla_violado&urgencia=critica&corretor=cor_01ABC&de=2026-03-10&ate=2026-03-11&processado=nao&apos=2026-03-10T12%3A30%3A00.123456%7Eevt_01XYZ",
    );
  });

  it("drops what does not fit, and then nothing narrows the list", () => {
    const filtros = parseEventosFiltros({
      tipo: "\u0000",
      urgencia: "urgentissima",
      corretor: "cor'; drop table",
      de: "2026-02-31",
      processado: "talvez",
      apos: "lixo~",
    });
    expect(hasEventosFiltros(filtros)).toBe(false);
    expect(filtros.apos).toBeUndefined();
    expect(toEventosBusca(filtros)).toEqual({});
  });
});
