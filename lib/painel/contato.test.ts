import { describe, expect, it } from "vitest";
import { formatReais, telefoneLegivel, telLink, whatsappLink } from "./contato";

describe("contato", () => {
  it("links an E.164 phone for a call and for WhatsApp", () => {
    expect(telLink("+5511976543210")).toBe("tel:+5511976543210");
    expect(whatsappLink("+5511976543210")).toBe("https://wa.me/5511976543210");
    expect(telefoneLegivel("+5511976543210")).toBe("+55 11 97654 3210");
  });

  it("gives no link for a phone the intake kept raw", () => {
    expect(telLink("11 9876")).toBeNull();
    expect(whatsappLink("abc")).toBeNull();
    expect(telefoneLegivel("11 9876")).toBe("11 9876");
  });

  it("writes prices in reais", () => {
    expect(formatReais(450000).replace(/\s/g, " ")).toBe("R$ 450.000");
    expect(formatReais(null)).toBe("—");
  });
});
