import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { hasRole, isInScope, narrowToCorretor, scopeOf } from "./scope";

const agency = "imob_a";

describe("scopeOf", () => {
  it("limits a broker login to their own broker id", () => {
    expect(scopeOf({ papel: "corretor", imobiliariaId: agency, corretorId: "cor_1" })).toEqual({
      imobiliariaId: agency,
      corretorId: "cor_1",
    });
  });

  it("gives managers and admins the whole agency, even when their login is tied to a broker", () => {
    expect(scopeOf({ papel: "gestor", imobiliariaId: agency, corretorId: null })).toEqual({
      imobiliariaId: agency,
      corretorId: null,
    });
    expect(scopeOf({ papel: "admin", imobiliariaId: agency, corretorId: "cor_1" })).toEqual({
      imobiliariaId: agency,
      corretorId: null,
    });
  });

  it("refuses a broker login without a broker instead of widening it to the agency", () => {
    expect(() => scopeOf({ papel: "corretor", imobiliariaId: agency, corretorId: null })).toThrow(AppError);
    try {
      scopeOf({ papel: "corretor", imobiliariaId: agency, corretorId: null });
    } catch (err) {
      expect((err as AppError).code).toBe("forbidden");
    }
  });
});

describe("narrowToCorretor", () => {
  it("lets a manager filter by any broker, or by none", () => {
    const gestor = { imobiliariaId: agency, corretorId: null };
    expect(narrowToCorretor(gestor, "cor_2")).toEqual({ imobiliariaId: agency, corretorId: "cor_2" });
    expect(narrowToCorretor(gestor, "  ")).toEqual(gestor);
    expect(narrowToCorretor(gestor, undefined)).toEqual(gestor);
  });

  it("never moves or widens a broker's scope, whatever the filter asks", () => {
    const corretor = { imobiliariaId: agency, corretorId: "cor_1" };
    expect(narrowToCorretor(corretor, "cor_2")).toEqual(corretor);
    expect(narrowToCorretor(corretor, null)).toEqual(corretor);
    expect(narrowToCorretor(corretor, "")).toEqual(corretor);
  });
});

describe("isInScope", () => {
  it("checks the agency first and, for a broker, the row's broker", () => {
    const row = { imobiliariaId: agency, corretorId: "cor_1" };
    expect(isInScope({ imobiliariaId: agency, corretorId: null }, row)).toBe(true);
    expect(isInScope({ imobiliariaId: agency, corretorId: "cor_1" }, row)).toBe(true);
    expect(isInScope({ imobiliariaId: agency, corretorId: "cor_2" }, row)).toBe(false);
    expect(isInScope({ imobiliariaId: "imob_b", corretorId: null }, row)).toBe(false);
    expect(isInScope({ imobiliariaId: agency, corretorId: "cor_1" }, { ...row, corretorId: null })).toBe(false);
  });
});

describe("hasRole", () => {
  it("matches only the listed roles", () => {
    expect(hasRole({ papel: "gestor" }, ["admin", "gestor"])).toBe(true);
    expect(hasRole({ papel: "corretor" }, ["admin", "gestor"])).toBe(false);
    expect(hasRole({ papel: "admin" }, [])).toBe(false);
  });
});
