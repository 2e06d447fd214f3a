import { describe, expect, it } from "vitest";
import { formatReais, telLink, whatsappLink } from "./contato";

describe("contato", () => {
  it("links an E.164 phone for a call and for WhatsApp", () => {
    expect(telLink("+5511976543210")).toBe("tel:+5511976543210");
    expect(whatsappLink("+5511976543210")).toBe("https://wa.me/5511976543210");
  });

  it("gives no link for a phone the intake kept raw", () => {
    expect(telLink("11 9876")).toBeNull();
    expect(whatsappLink("abc")).toBeNull();
  });

  it("writes prices in reais", () => {
    expect(formatReais(450000).replace(/\s/g, " ")).toBe("R$ 450.000");
    expect(formatReais(null)).toBe("—");
  });
});
