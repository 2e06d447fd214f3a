import { describe, expect, it } from "vitest";
import { verifyPortalCredential } from "./authenticate";

const basic = (user: string, pass: string) => `Basic ${Buffer.from(`${user}:${pass}`).toString("base64")}`;
const h = (init: Record<string, string>) => new Headers(init);

describe("verifyPortalCredential", () => {
  const olx = { identificador: null, segredo: "olx-secret-123" };
  it("Grupo OLX: Basic vivareal:SECRET only", () => {
    expect(verifyPortalCredential("grupo-olx", h({ authorization: basic("vivareal", "olx-secret-123") }), olx)).toBe(
      true,
    );
    expect(verifyPortalCredential("grupo-olx", h({ authorization: basic("vivareal", "wrong") }), olx)).toBe(false);
    expect(verifyPortalCredential("grupo-olx", h({ authorization: basic("zap", "olx-secret-123") }), olx)).toBe(false);
    expect(verifyPortalCredential("grupo-olx", h({}), olx)).toBe(false);
    expect(verifyPortalCredential("grupo-olx", h({ authorization: "Bearer olx-secret-123" }), olx)).toBe(false);
  });

  it("Chaves na Mão: Basic email:token, e-mail case-insensitive", () => {
    const cnm = { identificador: "integracao@horizonte.demo", segredo: "cnm-token-456" };
    expect(
      verifyPortalCredential(
        "chaves-na-mao",
        h({ authorization: basic("Integracao@Horizonte.demo", "cnm-token-456") }),
        cnm,
      ),
    ).toBe(true);
    expect(
      verifyPortalCredential(
        "chaves-na-mao",
        h({ authorization: basic("outro@horizonte.demo", "cnm-token-456") }),
        cnm,
      ),
    ).toBe(false);
    expect(
      verifyPortalCredential("chaves-na-mao", h({ authorization: basic("integracao@horizonte.demo", "x") }), cnm),
    ).toBe(false);
  });

  it("Imovelweb: the configured header, default X-Imovelweb-Token", () => {
    const iw = { identificador: null, segredo: "iw-secret-789" };
    expect(verifyPortalCredential("imovelweb", h({ "x-imovelweb-token": "iw-secret-789" }), iw)).toBe(true);
    expect(verifyPortalCredential("imovelweb", h({ "x-imovelweb-token": "nope" }), iw)).toBe(false);
    const custom = { identificador: "X-Navent-Key", segredo: "iw-secret-789" };
    expect(verifyPortalCredential("imovelweb", h({ "x-navent-key": "iw-secret-789" }), custom)).toBe(true);
    expect(verifyPortalCredential("imovelweb", h({ "x-imovelweb-token": "iw-secret-789" }), custom)).toBe(false);
  });

  it("generic: Bearer or X-Api-Key", () => {
    const gen = { identificador: null, segredo: "api-key-000" };
    expect(verifyPortalCredential("generico", h({ authorization: "Bearer api-key-000" }), gen)).toBe(true);
    expect(verifyPortalCredential("generico", h({ "x-api-key": "api-key-000" }), gen)).toBe(true);
    expect(verifyPortalCredential("generico", h({ authorization: "Bearer wrong" }), gen)).toBe(false);
    expect(verifyPortalCredential("generico", h({}), gen)).toBe(false);
  });
});
