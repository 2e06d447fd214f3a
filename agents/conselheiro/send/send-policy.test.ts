import { describe, expect, it } from "vitest";
import type { Mensagem } from "@/lib/db/queries/mensagens";
import { backoffMs, outgoingFor } from "./send-policy";

const row = (over: Partial<Mensagem> = {}) =>
  ({ destino: "+5511912345678", corpo: "Olá\nmundo", templateSid: null, templateVariaveis: null, ...over }) as Mensagem;

describe("send policy", () => {
  it("doubles the backoff from 5 s and caps it at 5 min", () => {
    expect([1, 2, 3, 4].map(backoffMs)).toEqual([5_000, 10_000, 20_000, 40_000]);
    expect(backoffMs(20)).toBe(300_000);
  });

  it("builds a free-form or a template message, never both", () => {
    expect(outgoingFor(row(), null, "https://cb")).toEqual({
      to: "+5511912345678",
      body: "Olá\nmundo",
      statusCallback: "https://cb",
    });
    expect(outgoingFor(row(), { contentSid: "HX2", contentVariables: {} })).toEqual({
      to: "+5511912345678",
      contentSid: "HX2",
      contentVariables: {},
    });
  });
});
