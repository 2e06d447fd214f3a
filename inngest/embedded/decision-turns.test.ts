import { describe, expect, it } from "vitest";
import { decisionRank, DecisionTurns, type DecisionRequest } from "./decision-turns";

const req = (eventoId: string, corretorId: string | null, extra: Partial<DecisionRequest> = {}): DecisionRequest => ({
  eventoId,
  corretorId,
  ...extra,
});
const ids = (taken: { request: DecisionRequest }[]) => taken.map((t) => t.request.eventoId);

describe("DecisionTurns", () => {
  it("a hot lead queued behind cold ones is decided first", () => {
    const turns = new DecisionTurns(1);
    turns.push(req("frio-1", "a", { urgencia: "baixa", score: 30 }), 0);
    turns.push(req("frio-2", "b", { urgencia: "baixa", score: 25 }), 0);
    turns.push(req("quente", "c", { urgencia: "alta", score: 90 }), 0);
    expect(ids(turns.take())).toEqual(["quente"]);
    turns.done("c");
    expect(ids(turns.take())).toEqual(["frio-1"]);
  });

  it("within one urgência the higher score goes first, and equal ones keep their arrival order", () => {
    const turns = new DecisionTurns(4);
    turns.push(req("m-60", "a", { urgencia: "media", score: 60 }), 0);
    turns.push(req("m-75", "b", { urgencia: "media", score: 75 }), 0);
    turns.push(req("m-60-depois", "c", { urgencia: "media", score: 60 }), 0);
    turns.push(req("critica", "d", { urgencia: "critica", score: 10 }), 0);
    expect(ids(turns.take())).toEqual(["critica", "m-75", "m-60", "m-60-depois"]);
  });

  it("an event without urgência (a sweep, an older trigger) ranks as media", () => {
    expect(decisionRank({})).toBe(decisionRank({ urgencia: "media", score: 0 }));
    expect(decisionRank({ urgencia: "alta", score: 0 })).toBeLessThan(decisionRank({ score: 100 }));
  });

  it("never runs two decisions of one broker at once (the quota is never raced), and no more than the limit", () => {
    const turns = new DecisionTurns(2);
    turns.push(req("a-1", "a", { urgencia: "alta" }), 0);
    turns.push(req("a-2", "a", { urgencia: "alta" }), 0);
    turns.push(req("b-1", "b"), 0);
    turns.push(req("c-1", "c"), 0);
    expect(ids(turns.take())).toEqual(["a-1", "b-1"]);
    expect(ids(turns.take())).toEqual([]);
    turns.done("b");
    // a is still busy: its second event waits, c's goes.
    expect(ids(turns.take())).toEqual(["c-1"]);
    turns.done("a");
    expect(ids(turns.take())).toEqual(["a-2"]);
    expect(turns.waiting).toBe(0);
  });

  it("events without a broker share one turn", () => {
    const turns = new DecisionTurns(3);
    turns.push(req("x", null), 0);
    turns.push(req("y", null), 0);
    expect(ids(turns.take())).toEqual(["x"]);
    turns.done(null);
    expect(ids(turns.take())).toEqual(["y"]);
  });

  it("keeps a retry's attempt number, and clear() forgets what waits", () => {
    const turns = new DecisionTurns(1);
    turns.push(req("r", "a"), 3);
    turns.push(req("s", "b"), 0);
    expect(turns.take()).toEqual([{ request: req("r", "a"), attempt: 3 }]);
    turns.clear();
    turns.done("a");
    expect(turns.take()).toEqual([]);
  });

  it("refuses a limit below one", () => {
    expect(() => new DecisionTurns(0)).toThrow();
  });
});
