import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { applyScoreWeightOverrides, DEFAULT_WEIGHTS, scoreWeightsSchema } from "./score-weights";

describe("score weights", () => {
  it("the default table is valid and matches DESIGN.md §5", () => {
    expect(scoreWeightsSchema.parse(DEFAULT_WEIGHTS)).toEqual(DEFAULT_WEIGHTS);
    expect(DEFAULT_WEIGHTS.temperature).toEqual({ Alta: 30, "Média": 15, Baixa: 5, none: 10 });
    expect(DEFAULT_WEIGHTS.contact).toEqual({ validMobile: 10, email: 3, invalidPhone: -10 });
    expect(DEFAULT_WEIGHTS.repeat).toEqual({ perInquiry: 10, cap: 20, windowDays: 90 });
    expect(DEFAULT_WEIGHTS.intent.cap).toBe(20);
  });

  it("merges a partial override section by section", () => {
    const w = applyScoreWeightOverrides({ temperature: { Alta: 40 }, repeat: { cap: 30 } });
    expect(w.temperature).toEqual({ ...DEFAULT_WEIGHTS.temperature, Alta: 40 });
    expect(w.repeat).toEqual({ ...DEFAULT_WEIGHTS.repeat, cap: 30 });
    expect(w.leadType).toEqual(DEFAULT_WEIGHTS.leadType);
  });

  it("no override means the defaults", () => {
    expect(applyScoreWeightOverrides(undefined)).toEqual(DEFAULT_WEIGHTS);
  });

  it.each([
    [{ temperature: { Alta: "muito" } }, "temperature.Alta"],
    [{ contact: { email: 1.5 } }, "contact.email"],
    [{ leadType: { VISIT_REQUEST: 500 } }, "leadType.VISIT_REQUEST"],
    [{ price: { sale: [{ min: 100, points: 1 }, { min: 200, points: 2 }] } }, "price.sale"],
    [{ intent: { groups: [{ key: "X y", label: "x", terms: ["x"], points: 1 }] } }, "intent.groups.0.key"],
  ])("rejects %j naming %s", (override, path) => {
    try {
      applyScoreWeightOverrides(override);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ZodError);
      expect((error as ZodError).issues[0]?.path.join(".")).toBe(path);
    }
  });
});
