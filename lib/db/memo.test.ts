import { describe, expect, it, vi } from "vitest";
import type { Db } from "./client";
import { memoPerDb } from "./memo";

const dbA = {} as Db;
const dbB = {} as Db;

describe("memoPerDb", () => {
  it("reads once within the TTL and again after it", async () => {
    vi.useFakeTimers();
    try {
      const memo = memoPerDb<number>(1_000);
      let reads = 0;
      const load = async () => ++reads;
      expect(await memo.get(dbA, "k", load)).toBe(1);
      expect(await memo.get(dbA, "k", load)).toBe(1);
      vi.advanceTimersByTime(1_001);
      expect(await memo.get(dbA, "k", load)).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it("keeps databases apart and forgets on clear", async () => {
    const memo = memoPerDb<string>(60_000);
    expect(await memo.get(dbA, "k", async () => "a")).toBe("a");
    expect(await memo.get(dbB, "k", async () => "b")).toBe("b");
    memo.clear(dbA);
    expect(await memo.get(dbA, "k", async () => "a2")).toBe("a2");
    expect(await memo.get(dbB, "k", async () => "b2")).toBe("b");
  });

  it("does not remember a failed read", async () => {
    const memo = memoPerDb<string>(60_000);
    await expect(memo.get(dbA, "k", async () => Promise.reject(new Error("fora do ar")))).rejects.toThrow("fora do ar");
    expect(await memo.get(dbA, "k", async () => "ok")).toBe("ok");
  });
});
