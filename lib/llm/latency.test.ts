import { describe, expect, it } from "vitest";
import { LatencyWindow } from "./latency";

const opts = { maxAgeMs: 60_000, maxSamples: 20, minSamples: 4 };

function windowAt(start = 0) {
  let t = start;
  const w = new LatencyWindow(opts, () => t);
  return { w, advance: (ms: number) => void (t += ms) };
}

describe("LatencyWindow", () => {
  it("has no opinion until enough calls can tell", () => {
    const { w } = windowAt();
    for (const ms of [200, 300, 400]) w.answered(ms);
    expect(w.chanceWithin(500)).toBeNull();
    w.answered(600);
    expect(w.chanceWithin(500)).toBe(0.75);
  });

  it("counts a timeout at or past the budget as a miss, and leaves out a shorter one (it cannot tell)", () => {
    const { w } = windowAt();
    for (const ms of [300, 400]) w.answered(ms);
    for (let i = 0; i < 2; i++) w.timedOut(1_000);
    expect(w.chanceWithin(900)).toBe(0.5);
    // A 1 s timeout says nothing about a 1.5 s budget: only the two answers speak, too few.
    expect(w.chanceWithin(1_500)).toBeNull();
  });

  it("forgets calls older than its age, so a model that was slow is tried again", () => {
    const { w, advance } = windowAt();
    for (let i = 0; i < 6; i++) w.timedOut(1_000);
    expect(w.chanceWithin(800)).toBe(0);
    advance(61_000);
    expect(w.chanceWithin(800)).toBeNull();
  });

  it("keeps only the latest calls: a model that got fast again counts as fast", () => {
    const { w } = windowAt();
    for (let i = 0; i < 20; i++) w.timedOut(1_000);
    for (let i = 0; i < 20; i++) w.answered(250);
    expect(w.chanceWithin(800)).toBe(1);
  });

  it("refuses a window that could never have an opinion", () => {
    expect(() => new LatencyWindow({ maxAgeMs: 1_000, maxSamples: 2, minSamples: 5 })).toThrow();
  });
});
