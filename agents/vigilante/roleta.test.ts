import { describe, expect, it } from "vitest";
import { pickByRoleta, type RoletaCandidate } from "./roleta";

function spin(candidates: RoletaCandidate[], turns: number) {
  let currents = {};
  const counts: Record<string, number> = {};
  const order: string[] = [];
  for (let i = 0; i < turns; i++) {
    const r = pickByRoleta(candidates, currents);
    currents = r.currents;
    counts[r.chosenId] = (counts[r.chosenId] ?? 0) + 1;
    order.push(r.chosenId);
  }
  return { counts, order };
}

describe("pickByRoleta", () => {
  it("gives 8 equal brokers 10 leads each out of 80", () => {
    const brokers = Array.from({ length: 8 }, (_, i) => ({ id: `cor_${i}`, weight: 1, openLeads: 0 }));
    expect(Object.values(spin(brokers, 80).counts)).toEqual(Array(8).fill(10));
  });

  it("splits by weight and interleaves turns", () => {
    const { counts, order } = spin([{ id: "a", weight: 2, openLeads: 0 }, { id: "b", weight: 1, openLeads: 0 }], 6);
    expect(counts).toEqual({ a: 4, b: 2 });
    expect(order.join("")).not.toContain("aaa");
  });

  it("breaks ties by fewest open leads", () => {
    const r = pickByRoleta([{ id: "a", weight: 1, openLeads: 9 }, { id: "b", weight: 1, openLeads: 2 }], {});
    expect(r.chosenId).toBe("b");
  });

  it("skips zero-weight brokers and refuses an empty roleta", () => {
    const { counts } = spin([{ id: "a", weight: 0, openLeads: 0 }, { id: "b", weight: 1, openLeads: 0 }], 3);
    expect(counts).toEqual({ b: 3 });
    expect(() => pickByRoleta([], {})).toThrow(/elegíveis/);
  });
});
