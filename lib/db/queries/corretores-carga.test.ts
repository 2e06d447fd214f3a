// Integration (PGlite, or Postgres in CI): corretores_carga, the open-lead count per broker that the
// roleta's tie-break reads, is kept by a trigger on leads through every kind of change.
import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executeRows } from "@/lib/db/execute-rows";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { leads, OPEN_LEAD_STATUS } from "../schema";
import { listCorretoresComCarga } from "./corretores";
import { insertCorretor } from "@/lib/db/testing/corretores";
import { insertImobiliaria } from "./imobiliarias";
import { insertLead } from "@/lib/db/testing/leads";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.cleanup();
});

async function counted(imobiliariaId: string): Promise<Record<string, number>> {
  return Object.fromEntries((await listCorretoresComCarga(t.db, imobiliariaId)).map((c) => [c.nome, c.leadsAbertos]));
}

async function recounted(
  imobiliariaId: string,
  corretores: { id: string; nome: string }[],
): Promise<Record<string, number>> {
  const rows = await t.db
    .select({ corretorId: leads.corretorId, n: sql<number>`count(*)::int` })
    .from(leads)
    .where(and(eq(leads.imobiliariaId, imobiliariaId), inArray(leads.status, [...OPEN_LEAD_STATUS])))
    .groupBy(leads.corretorId);
  const byId = new Map(rows.map((r) => [r.corretorId, r.n]));
  return Object.fromEntries(corretores.map((c) => [c.nome, byId.get(c.id) ?? 0]));
}

describe("open leads per broker (corretores_carga)", () => {
  it("follows inserts, status changes, reassignment and deletion", async () => {
    const imob = await insertImobiliaria(t.db, { slug: "carga", nome: "Carga" });
    const ana = await insertCorretor(t.db, { imobiliariaId: imob.id, nome: "Ana", telefone: "+5511911110001" });
    const bia = await insertCorretor(t.db, { imobiliariaId: imob.id, nome: "Bia", telefone: "+5511911110002" });
    const both = [ana, bia];
    const lead = (n: number, corretorId: string | null, status?: "novo" | "fechado") =>
      insertLead(t.db, {
        imobiliariaId: imob.id,
        corretorId,
        nome: `Lead ${n}`,
        telefone: `+55119222200${String(n).padStart(2, "0")}`,
        status,
      });

    expect(await counted(imob.id)).toEqual({ Ana: 0, Bia: 0 });
    const l1 = await lead(1, ana.id);
    const l2 = await lead(2, ana.id);
    await lead(3, bia.id);
    await lead(4, bia.id, "fechado"); // closed from the start: not counted
    await lead(5, null); // nobody's
    expect(await counted(imob.id)).toEqual({ Ana: 2, Bia: 1 });

    await t.db.update(leads).set({ status: "em_contato" }).where(eq(leads.id, l1.id)); // still open
    expect(await counted(imob.id)).toEqual({ Ana: 2, Bia: 1 });
    await t.db.update(leads).set({ status: "perdido" }).where(eq(leads.id, l1.id)); // closed
    expect(await counted(imob.id)).toEqual({ Ana: 1, Bia: 1 });
    await t.db.update(leads).set({ corretorId: bia.id }).where(eq(leads.id, l2.id)); // "Passar adiante"
    expect(await counted(imob.id)).toEqual({ Ana: 0, Bia: 2 });
    await t.db.update(leads).set({ status: "novo" }).where(eq(leads.id, l1.id)); // reopened
    await t.db.delete(leads).where(eq(leads.id, l2.id));
    expect(await counted(imob.id)).toEqual({ Ana: 1, Bia: 1 });
    expect(await counted(imob.id)).toEqual(await recounted(imob.id, both));
  });

  it("counts the same statuses as OPEN_LEAD_STATUS (the trigger lists them in SQL)", async () => {
    const [{ src }] = (await executeRows<{ src: string }>(
      t.db,
      sql`select prosrc as src from pg_proc where proname = 'lastro_conta_carga'`,
    )) as [{ src: string }];
    const lists = [...src.matchAll(/status IN \(([^)]*)\)/g)].map((m) =>
      m[1]!
        .split(",")
        .map((v) => v.trim().replace(/'/g, ""))
        .sort(),
    );
    expect(lists).toHaveLength(2); // the OLD row's and the NEW row's
    for (const list of lists) expect(list).toEqual([...OPEN_LEAD_STATUS].sort());
  });

  // Two intakes for one broker at once: with a single counter row the second waited for the first
  // to commit. PGlite has one connection (transactions take turns anyway), so this runs on a server.
  it.runIf(process.env.DATABASE_URL)(
    "lets concurrent transactions give leads to the same broker without waiting on each other",
    async () => {
      const imob = await insertImobiliaria(t.db, { slug: "carga-concorrente", nome: "Concorrente" });
      const ana = await insertCorretor(t.db, { imobiliariaId: imob.id, nome: "Ana", telefone: "+5511911120001" });
      const lead = (tx: typeof t.db, n: number) =>
        insertLead(tx, {
          imobiliariaId: imob.id,
          corretorId: ana.id,
          nome: `Lead ${n}`,
          telefone: `+55119333300${String(n).padStart(2, "0")}`,
        });

      let releaseFirst!: () => void;
      const firstMayCommit = new Promise<void>((r) => (releaseFirst = r));
      let firstInserted!: () => void;
      const firstHasInserted = new Promise<void>((r) => (firstInserted = r));
      const first = t.db.transaction(async (tx) => {
        await lead(tx, 1);
        firstInserted();
        await firstMayCommit; // holds its locks until the second transaction is done
      });
      await firstHasInserted;
      const second = t.db.transaction(async (tx) => {
        await tx.execute(sql`set local lock_timeout = '3s'`);
        await lead(tx, 2);
      });
      await expect(second).resolves.toBeUndefined();
      releaseFirst();
      await first;
      expect((await listCorretoresComCarga(t.db, imob.id))[0]!.leadsAbertos).toBe(2);
    },
  );
});
