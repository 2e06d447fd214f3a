import { describe, expect, it, vi } from "vitest";
import type { DirectLane } from "./direct-lane-registry.mjs";

describe("direct lane registry", () => {
  it("a lane registered through one copy of the module is found through another (Next's bundle and the web server each load their own)", async () => {
    const first = await import("./direct-lane-registry.mjs");
    vi.resetModules();
    const second = await import("./direct-lane-registry.mjs");
    expect(second).not.toBe(first);

    expect(second.getDirectLane()).toBeUndefined();
    const lane: DirectLane = { serve: () => false, drain: async () => undefined };
    first.registerDirectLane(lane);
    expect(second.getDirectLane()).toBe(lane);
  });
});
