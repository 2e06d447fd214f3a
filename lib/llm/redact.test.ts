import { describe, expect, it } from "vitest";
import { redactForModel } from "./redact";

describe("redactForModel", () => {
  it("takes out every phone and e-mail a lead may type, and keeps prices and areas", () => {
    const text =
      "Me liga no (11) 98765-4321 ou +55 11 912345678, ou mande para ana.souza@gmail.com. Até R$ 450.000, 2 quartos, 68 m².";
    const out = redactForModel(text);
    expect(out).toBe("Me liga no [telefone] ou [telefone], ou mande para [e-mail]. Até R$ 450.000, 2 quartos, 68 m².");
    expect(out).not.toMatch(/\d{4}-?\d{4}|@/);
  });
});
