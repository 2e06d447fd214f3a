// The outbox's pages: newest first, keyset cursors that neither skip nor repeat a message (even
// several created in the same millisecond), the period filter, and the agency boundary.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertCorretor } from "@/lib/db/testing/corretores";
import { createTestDb, type TestDb } from "../test-db";
import { insertImobiliaria } from "./imobiliarias";
import { insertMensagemOnce, listMensagens, type Mensagem } from "./mensagens";

let t: TestDb;
let agency: string;
const ids: string[] = [];
// 12 messages over 4 instants, three created in the same millisecond each.
const at = (i: number) => new Date(Date.UTC(2026, 11, 5, 12, Math.floor(i / 3)));

beforeAll(async () => {
  t = await createTestDb();
  agency = (await insertImobiliaria(t.db, { slug: "saida-a", nome: "A" })).id;
  const other = (await insertImobiliaria(t.db, { slug: "saida-b", nome: "B" })).id;
  const carla = (await insertCorretor(t.db, { imobiliariaId: agency, nome: "Carla", telefone: "+5511900020001" })).id;
  const outro = (await insertCorretor(t.db, { imobiliariaId: other, nome: "Outro", telefone: "+5511900020002" })).id;
  const msg = (imobiliariaId: string, corretorId: string, key: string, criadoEm: Date) =>
    insertMensagemOnce(t.db, {
      imobiliariaId,
      corretorId,
      tipo: "alerta",
      destino: "+5511900020001",
      corpo: `mensagem ${key}`,
      status: "outbox",
      idempotencyKey: key,
      criadoEm,
    });
  for (let i = 0; i < 12; i++) ids.push((await msg(agency, carla, `k${i}`, at(i))).mensagem.id);
  await msg(other, outro, "other", at(11));
});

afterAll(async () => {
  await t?.close();
});

async function allPages(size: number, filter: Parameters<typeof listMensagens>[2] = {}): Promise<Mensagem[][]> {
  const pages: Mensagem[][] = [];
  let before: { at: Date; id: string } | undefined;
  for (;;) {
    const page = await listMensagens(t.db, agency, { ...filter, before, limit: size });
    if (page.length === 0) return pages;
    pages.push(page);
    const last = page.at(-1)!;
    before = { at: last.criadoEm, id: last.id };
  }
}

describe("listMensagens pages", () => {
  it("walks every message once, newest first, in pages that split same-millisecond rows", async () => {
    const pages = await allPages(5);
    expect(pages.map((p) => p.length)).toEqual([5, 5, 2]);
    const seen = pages.flat();
    expect(new Set(seen.map((m) => m.id)).size).toBe(12);
    expect(seen.map((m) => m.id).sort()).toEqual([...ids].sort());
    for (let i = 1; i < seen.length; i++) {
      const [a, b] = [seen[i - 1]!, seen[i]!];
      expect(
        a.criadoEm.getTime() > b.criadoEm.getTime() || (a.criadoEm.getTime() === b.criadoEm.getTime() && a.id > b.id),
      ).toBe(true);
    }
  });

  it("keeps to the period and to the agency", async () => {
    const since = at(3); // the second instant
    const until = at(9); // the fourth instant, excluded
    const rows = (await allPages(4, { since, until })).flat();
    expect(rows).toHaveLength(6);
    expect(rows.every((m) => m.criadoEm >= since && m.criadoEm < until)).toBe(true);
    expect(rows.every((m) => m.imobiliariaId === agency)).toBe(true);
  });
});
