import { describe, expect, it } from "vitest";
import { destinos, proximaEtapa } from "./funil";

describe("funil", () => {
  it("advances one step at a time and stops at the end or when lost", () => {
    expect(proximaEtapa("novo")).toBe("em_contato");
    expect(proximaEtapa("proposta")).toBe("fechado");
    expect(proximaEtapa("fechado")).toBeNull();
    expect(proximaEtapa("perdido")).toBeNull();
  });

  it("offers every other status, lost included (and reopening a lost lead)", () => {
    expect(destinos("em_contato")).toEqual([
      "novo",
      "visita_agendada",
      "visita_realizada",
      "proposta",
      "fechado",
      "perdido",
    ]);
    expect(destinos("perdido")).not.toContain("perdido");
  });
});
