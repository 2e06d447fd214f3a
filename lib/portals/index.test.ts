import { describe, expect, it } from "vitest";
import chavesNaMao from "./fixtures/chaves-na-mao-lead.json";
import contactForm from "./fixtures/grupo-olx-lead-contact-form.json";
import imovelweb from "./fixtures/imovelweb-contacto.json";
import { isPortalSlug, PORTAL_PARSERS, PORTAL_SLUGS, parsePortalPayload } from "./index";

describe("parsePortalPayload", () => {
  it("has one parser per portal slug", () => {
    expect(Object.keys(PORTAL_PARSERS).sort()).toEqual([...PORTAL_SLUGS].sort());
  });

  it("routes each body to its portal's parser", () => {
    expect(parsePortalPayload("grupo-olx", contactForm).portal).toBe("grupo-olx");
    expect(parsePortalPayload("chaves-na-mao", chavesNaMao).portal).toBe("chaves-na-mao");
    expect(parsePortalPayload("imovelweb", imovelweb).portal).toBe("imovelweb");
    expect(parsePortalPayload("generico", { id: "1", nome: "Ana", email: "ana@example.com" }).portal).toBe("generico");
  });

  it("a body for another portal fails validation instead of being misread", () => {
    expect(() => parsePortalPayload("imovelweb", contactForm)).toThrow();
  });

  it("isPortalSlug guards route params", () => {
    expect(isPortalSlug("grupo-olx")).toBe(true);
    expect(isPortalSlug("zap")).toBe(false);
  });
});
