import { describe, expect, it } from "vitest";
import { forEachLimited } from "./for-each-limited";

describe("forEachLimited", () => {
  it("visits every item once with at most `limit` in flight", async () => {
    let inFlight = 0;
    let peak = 0;
    const seen: number[] = [];
    await forEachLimited([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await Promise.resolve();
      seen.push(n);
      inFlight--;
    });
    expect(seen.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(peak).toBe(3);
  });

  it("does nothing for no items", async () => {
    await forEachLimited([], 4, async () => {
      throw new Error("não deveria rodar");
    });
  });
});
