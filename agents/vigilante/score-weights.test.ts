import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { DEFAULT_WEIGHTS, scoreWeightsSchema } from "./score-weights";

describe("score weights", () => {
  it("the default table is valid and matches DESIGN.md §5", () => {
    expect(scoreWeightsSchema.parse(DEFAULT_WEIGHTS)).toEqual(DEFAULT_WEIGHTS);
    expect(DEFAULT_WEIGHTS.temperature).toEqual({ Alta: 30, Média: 15, Baixa: 5, none: 10 });
    expect(DEFAULT_WEIGHTS.contact).toEqual({ validMobile: 10, email: 3, invalidPhone: -10 });
    expect(DEFAULT_WEIGHTS.repeat).toEqual({ perInquiry: 10, cap: 20, windowDays: 90 });
    expect(DEFAULT_WEIGHTS.intent.cap).toBe(20);
  });

  /** The default table with one section partly replaced, as a tuned table would be. */
  const tuned = (section: Record<string, Record<string, unknown>>) =>
    Object.fromEntries(Object.entries(DEFAULT_WEIGHTS).map(([k, v]) => [k, section[k] ? { ...v, ...section[k] } : v]));

  it.each([
    [{ temperature: { Alta: "muito" } }, "temperature.Alta"],
    [{ contact: { email: 1.5 } }, "contact.email"],
    [{ leadType: { VISIT_REQUEST: 500 } }, "leadType.VISIT_REQUEST"],
    [
      {
        price: {
          sale: [
            { min: 100, points: 1 },
            { min: 200, points: 2 },
          ],
        },
      },
      "price.sale",
    ],
    [{ intent: { groups: [{ key: "X y", label: "x", sinais: ["visita"], points: 1 }] } }, "intent.groups.0.key"],
    [{ intent: { groups: [{ key: "x", label: "x", sinais: ["palpite"], points: 1 }] } }, "intent.groups.0.sinais.0"],
  ])("rejects %j naming %s", (override, path) => {
    try {
      scoreWeightsSchema.parse(tuned(override));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ZodError);
      expect((error as ZodError).issues[0]?.path.join(".")).toBe(path);
    }
  });
});
