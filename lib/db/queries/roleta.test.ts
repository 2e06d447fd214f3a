// Integration (PGlite, or Postgres in CI): the roleta turn that the database takes in one call
// (migration 0005): smooth weighted round-robin, its tie-breaks and its stored position.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { insertImobiliaria } from "./imobiliarias";
import { takeRoletaTurn, type RoletaCandidate } from "./roleta";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.cleanup();
});

let agencies = 0;
const newAgency = async () =>
  (await insertImobiliaria(t.db, { slug: `roleta-${++agencies}`, nome: `Roleta ${agencies}` })).id;

async function spin(imobiliariaId: string, candidates: RoletaCandidate[], turns: number) {
  const counts: Record<string, number> = {};
  const order: string[] = [];
  for (let i = 0; i < turns; i++) {
    const id = (await takeRoletaTurn(t.db, imobiliariaId, candidates))!;
    counts[id] = (counts[id] ?? 0) + 1;
    order.push(id);
  }
  return { counts, order };
}

describe("takeRoletaTurn", () => {
  it("gives 8 equal brokers 10 turns each out of 80", async () => {
    const brokers = Array.from({ length: 8 }, (_, i) => ({ id: `cor_${i}`, weight: 1, openLeads: 0 }));
    expect(Object.values((await spin(await newAgency(), brokers, 80)).counts)).toEqual(Array(8).fill(10));
  });

  it("splits by weight and interleaves turns", async () => {
    const { counts, order } = await spin(
      await newAgency(),
      [
        { id: "a", weight: 2, openLeads: 0 },
        { id: "b", weight: 1, openLeads: 0 },
      ],
      6,
    );
    expect(counts).toEqual({ a: 4, b: 2 });
    expect(order.join("")).not.toContain("aaa");
  });

  it("breaks ties by fewest open leads, then by the lower id in byte order", async () => {
    expect(
      await takeRoletaTurn(t.db, await newAgency(), [
        { id: "a", weight: 1, openLeads: 9 },
        { id: "b", weight: 1, openLeads: 2 },
      ]),
    ).toBe("b");
    // "B" < "a" in byte order (JavaScript's), though a linguistic collation would put "a" first.
    expect(
      await takeRoletaTurn(t.db, await newAgency(), [
        { id: "a", weight: 1, openLeads: 0 },
        { id: "B", weight: 1, openLeads: 0 },
      ]),
    ).toBe("B");
  });

  it("skips zero-weight brokers and answers null when nobody is eligible", async () => {
    const agency = await newAgency();
    expect(
      (
        await spin(
          agency,
          [
            { id: "a", weight: 0, openLeads: 0 },
            { id: "b", weight: 1, openLeads: 0 },
          ],
          3,
        )
      ).counts,
    ).toEqual({ b: 3 });
    expect(await takeRoletaTurn(t.db, agency, [])).toBeNull();
    expect(await takeRoletaTurn(t.db, agency, [{ id: "a", weight: 0, openLeads: 0 }])).toBeNull();
  });

  it("keeps the credits of a broker left out, who resumes their place when back", async () => {
    const agency = await newAgency();
    const all = ["a", "b", "c"].map((id) => ({ id, weight: 1, openLeads: 0 }));
    expect((await spin(agency, all, 2)).order).toEqual(["a", "b"]);
    // c is off duty for two turns: a and b share them; back, c has waited longest and goes first.
    expect((await spin(agency, all.slice(0, 2), 2)).order).toEqual(["a", "b"]);
    expect((await spin(agency, all, 1)).order).toEqual(["c"]);
  });

  it("refuses malformed candidates before touching the database", async () => {
    await expect(takeRoletaTurn(t.db, await newAgency(), [{ id: "", weight: 1, openLeads: 0 }])).rejects.toThrow();
    await expect(
      takeRoletaTurn(t.db, await newAgency(), [{ id: "a", weight: Number.NaN, openLeads: 0 }]),
    ).rejects.toThrow();
  });

  it("takes a turn as a transaction of its own only from a root handle, never inside a caller's transaction", async () => {
    const agency = await newAgency();
    const two = [
      { id: "a", weight: 1, openLeads: 0 },
      { id: "b", weight: 1, openLeads: 0 },
    ];
    expect(await takeRoletaTurn(t.db, agency, two, { ownTransaction: true })).toBe("a");
    await expect(t.db.transaction((tx) => takeRoletaTurn(tx, agency, two, { ownTransaction: true }))).rejects.toThrow(
      /handle raiz/,
    );
    // The refused call changed nothing: the next turn is the agency's second, b's.
    expect((await spin(agency, two, 1)).order).toEqual(["b"]);
  });
});
