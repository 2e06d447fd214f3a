import { describe, expect, it } from "vitest";
import { leadsQueryString, parseLeadsFiltros, toLeadsBusca } from "./leads-filtros";

describe("parseLeadsFiltros", () => {
  it("keeps each valid value", () => {
    expect(
      parseLeadsFiltros({
        q: " Maria ",
        status: "novo",
        portal: "zap",
        corretor: "cor_01",
        scoreMin: "40",
        scoreMax: "90",
        de: "2026-03-01",
        ate: "2026-03-31",
        semContato: "1",
        quentes: "on",
        apos: "2026-03-10T12:30:00.123456~lead_01ABC",
      }),
    ).toEqual({
      q: "Maria",
      status: "novo",
      portal: "zap",
      corretor: "cor_01",
      scoreMin: 40,
      scoreMax: 90,
      de: "2026-03-01",
      ate: "2026-03-31",
      semContato: true,
      quentes: true,
      apos: { recebido: "2026-03-10T12:30:00.123456", id: "lead_01ABC" },
    });
  });

  it("drops what does not fit instead of failing", () => {
    const filtros = parseLeadsFiltros({
      q: "a\u0000b",
      status: "ganho",
      portal: "ZAP; drop",
      corretor: "x".repeat(80),
      scoreMin: "-1",
      scoreMax: "abc",
      de: "2026-02-30",
      ate: "ontem",
      semContato: "talvez",
      apos: "2026-03-10~",
      antes: ["~lead_1", "~lead_2"],
    });
    expect(filtros).toEqual({ antes: { recebido: null, id: "lead_1" } });
  });
});

it("ignores the empty fields a submitted form sends", () => {
  const vazio = { q: "", status: "", portal: "", corretor: "", scoreMin: "", scoreMax: "", de: "", ate: "" };
  expect(parseLeadsFiltros(vazio)).toEqual({});
  expect(parseLeadsFiltros({ ...vazio, scoreMax: "0" })).toEqual({ scoreMax: 0 });
});

describe("toLeadsBusca", () => {
  it("turns São Paulo days into instants, the 'até' day included whole", () => {
    const busca = toLeadsBusca(parseLeadsFiltros({ de: "2026-03-10", ate: "2026-03-10" }), { scoreQuente: 70 });
    expect(busca.recebidoDesde?.toISOString()).toBe("2026-03-10T03:00:00.000Z");
    expect(busca.recebidoAntes?.toISOString()).toBe("2026-03-11T03:00:00.000Z");
  });

  it("'quentes' raises the score floor to the agency's threshold, never lowers it", () => {
    expect(toLeadsBusca({ quentes: true }, { scoreQuente: 70 }).scoreMin).toBe(70);
    expect(toLeadsBusca({ quentes: true, scoreMin: 85 }, { scoreQuente: 70 }).scoreMin).toBe(85);
  });

  it("searches a phone-looking text by its E.164 forms, anything else by name or e-mail", () => {
    expect(toLeadsBusca({ q: "(11) 98765-4321" }, { scoreQuente: 70 })).toMatchObject({
      telefones: expect.arrayContaining(["+5511987654321"]),
    });
    expect(toLeadsBusca({ q: "Maria" }, { scoreQuente: 70 })).toMatchObject({ texto: "Maria" });
  });
});

describe("leadsQueryString", () => {
  it("writes the filters back, with the page boundary when asked", () => {
    const filtros = parseLeadsFiltros({ q: "Zé", quentes: "1", apos: "~lead_9" });
    expect(leadsQueryString(filtros)).toBe("?q=Z%C3%A9&quentes=1");
    expect(leadsQueryString(filtros, { apos: { recebido: "2026-03-10T12:30:00.000000", id: "lead_1" } })).toBe(
      "?q=Z%C3%A9&quentes=1&apos=2026-03-10T12%3A30%3A00.000000%7Elead_1",
    );
    expect(leadsQueryString({})).toBe("");
  });
});
