import { describe, expect, it } from "vitest";
import { AnalysisTurns } from "./analysis-turns";

function turns(concurrency = 2, maxWaitMs = 30_000) {
  let t = 0;
  const q = new AnalysisTurns({ concurrency, maxWaitMs }, () => t);
  return { q, advance: (ms: number) => void (t += ms) };
}

const leads = (q: AnalysisTurns) => q.take().map((a) => a.leadId);

describe("AnalysisTurns", () => {
  it("no analysis starts while a decision, write or send waits; all may go, a few at a time, once none does", () => {
    const { q } = turns(2);
    q.urgentQueued();
    for (const id of ["a", "b", "c"]) q.wait(id, 0);
    expect(leads(q)).toEqual([]);
    q.urgentDone();
    expect(leads(q)).toEqual(["a", "b"]);
    q.analysisDone();
    expect(leads(q)).toEqual(["c"]);
  });

  it("a lead waits once however often it is triggered, keeping its place in line", () => {
    const { q } = turns(5);
    for (const id of ["a", "b", "a"]) q.wait(id, 0);
    expect(leads(q)).toEqual(["a", "b"]);
  });

  it("under a steady stream of sends an analysis waiting too long still runs, one at a time", () => {
    const { q, advance } = turns(4, 30_000);
    q.urgentQueued();
    q.wait("a", 0);
    q.wait("b", 0);
    advance(29_999);
    expect(leads(q)).toEqual([]);
    advance(1);
    expect(leads(q)).toEqual(["a"]);
    expect(leads(q)).toEqual([]);
    q.analysisDone();
    expect(leads(q)).toEqual(["b"]);
  });

  it("a retry keeps its attempt count", () => {
    const { q } = turns();
    q.wait("a", 3);
    expect(q.take()).toEqual([{ leadId: "a", attempt: 3 }]);
  });

  it("after a burst, analyses wait until nothing urgent has come for quietMs, and say how long is left", () => {
    let t = 0;
    const q = new AnalysisTurns({ concurrency: 4, maxWaitMs: 30_000, quietMs: 500 }, () => t);
    q.wait("a", 0);
    q.urgentQueued(); // an alert between two polls
    q.urgentDone();
    expect(q.take()).toEqual([]);
    expect(q.quietWaitMs()).toBe(500);
    t += 300;
    q.urgentQueued(); // the burst goes on: the quiet starts again
    expect(q.quietWaitMs()).toBeNull(); // urgent work queued: its end asks again
    q.urgentDone();
    t += 499;
    expect(q.take()).toEqual([]);
    expect(q.quietWaitMs()).toBe(1);
    t += 1;
    expect(q.take().map((x) => x.leadId)).toEqual(["a"]);
    expect(q.quietWaitMs()).toBeNull();
  });
});
