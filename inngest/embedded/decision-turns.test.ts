import { describe, expect, it } from "vitest";
import { decisionRank, DecisionTurns, type DecisionRequest, type DecisionTurn } from "./decision-turns";

const req = (eventoId: string, corretorId: string | null, extra: Partial<DecisionRequest> = {}): DecisionRequest => ({
  eventoId,
  corretorId,
  ...extra,
});
const ids = (taken: DecisionTurn[]) => taken.flatMap((t) => t.requests.map((r) => r.eventoId));
/** Takes turns, remembering them so a test can end the one holding a broker. */
class Turns extends DecisionTurns {
  private readonly held: DecisionTurn[] = [];
  override take(): DecisionTurn[] {
    const taken = super.take();
    this.held.push(...taken);
    return taken;
  }
  doneFor(corretorId: string | null): void {
    const i = this.held.findIndex((t) => t.requests.some((r) => r.corretorId === corretorId));
    this.done(this.held.splice(i, 1)[0]!);
  }
}

describe("DecisionTurns", () => {
  it("a hot lead queued behind cold ones is decided first", () => {
    const turns = new Turns(1);
    turns.push(req("frio-1", "a", { urgencia: "baixa", score: 30 }), 0);
    turns.push(req("frio-2", "b", { urgencia: "baixa", score: 25 }), 0);
    turns.push(req("quente", "c", { urgencia: "alta", score: 90 }), 0);
    expect(ids(turns.take())).toEqual(["quente"]);
    turns.doneFor("c");
    expect(ids(turns.take())).toEqual(["frio-1"]);
  });

  it("within one urgência the higher score goes first, and equal ones keep their arrival order", () => {
    const turns = new Turns(4);
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
    const turns = new Turns(2);
    turns.push(req("a-1", "a", { urgencia: "alta" }), 0);
    turns.push(req("a-2", "a", { urgencia: "alta" }), 0);
    turns.push(req("b-1", "b"), 0);
    turns.push(req("c-1", "c"), 0);
    expect(ids(turns.take())).toEqual(["a-1", "b-1"]);
    expect(ids(turns.take())).toEqual([]);
    turns.doneFor("b");
    // a is still busy: its second event waits, c's goes.
    expect(ids(turns.take())).toEqual(["c-1"]);
    turns.doneFor("a");
    expect(ids(turns.take())).toEqual(["a-2"]);
    expect(turns.waiting).toBe(0);
  });

  it("events without a broker share one turn", () => {
    const turns = new Turns(3);
    turns.push(req("x", null), 0);
    turns.push(req("y", null), 0);
    expect(ids(turns.take())).toEqual(["x"]);
    turns.doneFor(null);
    expect(ids(turns.take())).toEqual(["y"]);
  });

  it("keeps a retry's attempt number, and clear() forgets what waits", () => {
    const turns = new Turns(1);
    turns.push(req("r", "a"), 3);
    turns.push(req("s", "b"), 0);
    expect(turns.take()).toEqual([{ requests: [req("r", "a")], attempt: 3 }]);
    turns.clear();
    turns.doneFor("a");
    expect(turns.take()).toEqual([]);
  });

  it("refuses a limit below one", () => {
    expect(() => new Turns(0)).toThrow();
    expect(() => new Turns(1, 0)).toThrow();
  });

  it("batches routine first attempts, a broker's several together, but never a broker another turn holds", () => {
    const turns = new Turns(2, 10);
    turns.push(req("quente", "a", { urgencia: "alta" }), 0);
    turns.push(req("morno-a", "a", { urgencia: "media" }), 0);
    turns.push(req("morno-b", "b", { urgencia: "media" }), 0);
    turns.push(req("frio-b", "b", { urgencia: "baixa" }), 0);
    turns.push(req("frio-c", "c", { urgencia: "baixa" }), 0);
    turns.push(req("retentativa-d", "d", { urgencia: "baixa" }), 2);
    const taken = turns.take();
    // The hot lead runs alone; a's routine event waits for it; a retry is never batched.
    expect(taken.map((t) => t.requests.map((r) => r.eventoId))).toEqual([["quente"], ["morno-b", "frio-b", "frio-c"]]);
    expect(turns.take()).toEqual([]);
    turns.doneFor("a");
    expect(ids(turns.take())).toEqual(["morno-a"]);
    turns.doneFor("b");
    expect(turns.take()).toEqual([{ requests: [req("retentativa-d", "d", { urgencia: "baixa" })], attempt: 2 }]);
    expect(turns.waiting).toBe(0);
  });

  it("a batch takes no more than its size, and the rest waits its turn", () => {
    const turns = new Turns(1, 2);
    for (const id of ["1", "2", "3"]) turns.push(req(id, `c${id}`, { urgencia: "baixa" }), 0);
    expect(ids(turns.take())).toEqual(["1", "2"]);
    turns.doneFor("c1");
    expect(ids(turns.take())).toEqual(["3"]);
  });
});
