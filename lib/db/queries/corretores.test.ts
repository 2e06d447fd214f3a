import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { corretores } from "../schema";
import { createTestDb, type TestDb } from "../test-db";
import { getCorretorById, listCorretores, updatePreferencias } from "./corretores";
import { insertCorretor } from "@/lib/db/testing/corretores";
import { insertImobiliaria } from "./imobiliarias";

let t: TestDb;
let agencyA: string;
let agencyB: string;
beforeAll(async () => {
  t = await createTestDb();
  agencyA = (await insertImobiliaria(t.db, { slug: "agencia-a", nome: "Agência A" })).id;
  agencyB = (await insertImobiliaria(t.db, { slug: "agencia-b", nome: "Agência B" })).id;
});
afterAll(async () => {
  await t?.cleanup();
});

// A number of its own per broker: an agency holds one broker per number (uq_corretores_imobiliaria_telefone).
let seq = 0;
const novo = (imobiliariaId: string, nome: string, telefone = `+55119999${String(++seq).padStart(5, "0")}`) => ({
  imobiliariaId,
  nome,
  telefone,
});

describe("corretores queries", () => {
  it("store the preference defaults in the row itself", async () => {
    const created = await insertCorretor(t.db, { ...novo(agencyA, "Ana"), email: " Ana@Exemplo.COM " });
    const [raw] = await t.db.select().from(corretores).where(eq(corretores.id, created.id));
    expect(raw?.preferencias).toMatchObject({ limiteDiario: 5, horario: { inicio: "08:00", fim: "20:00" } });
    expect(raw?.ativo).toBe(true);
    expect(raw?.email).toBe("ana@exemplo.com");
    expect(created.preferencias).toEqual(raw?.preferencias);
  });

  it("scope reads by agency: a broker of A is invisible from B", async () => {
    const ana = await insertCorretor(t.db, novo(agencyA, "Ana Scope"));
    expect(await getCorretorById(t.db, agencyA, ana.id)).toEqual(ana);
    expect(await getCorretorById(t.db, agencyB, ana.id)).toBeNull();
    expect((await listCorretores(t.db, agencyB)).map((c) => c.id)).not.toContain(ana.id);
  });

  it("list an agency's brokers by name", async () => {
    const agency = (await insertImobiliaria(t.db, { slug: "agencia-lista", nome: "Lista" })).id;
    await insertCorretor(t.db, novo(agency, "Carla"));
    await insertCorretor(t.db, { ...novo(agency, "Bruno"), ativo: false });
    await insertCorretor(t.db, novo(agency, "Alice"));
    const list = await listCorretores(t.db, agency);
    expect(list.map((c) => c.nome)).toEqual(["Alice", "Bruno", "Carla"]);
    expect(list.every((c) => c.imobiliariaId === agency && c.preferencias.limiteDiario === 5)).toBe(true);
  });

  it("merge a preferences patch and keep the other fields", async () => {
    const c = await insertCorretor(t.db, {
      ...novo(agencyA, "Davi"),
      preferencias: { silencio: "urgente_pode_quebrar" },
    });
    const updated = await updatePreferencias(t.db, agencyA, c.id, {
      limiteDiario: 8,
      horario: { inicio: "09:00", fim: "18:00" },
    });
    expect(updated?.preferencias).toMatchObject({
      limiteDiario: 8,
      horario: { inicio: "09:00", fim: "18:00" },
      silencio: "urgente_pode_quebrar",
      dias: [1, 2, 3, 4, 5, 6],
    });
    expect((await getCorretorById(t.db, agencyA, c.id))?.preferencias).toEqual(updated?.preferencias);
  });

  it("reject a bad patch and leave the row unchanged", async () => {
    const c = await insertCorretor(t.db, novo(agencyA, "Eva"));
    const bad = [{ limite: 3 }, { limiteDiario: 0 }, { horario: { inicio: "20:00", fim: "08:00" } }];
    for (const patch of bad) {
      await expect(updatePreferencias(t.db, agencyA, c.id, patch as never)).rejects.toThrow(ZodError);
    }
    expect((await getCorretorById(t.db, agencyA, c.id))?.preferencias).toEqual(c.preferencias);
  });

  it("not update a broker through another agency", async () => {
    const c = await insertCorretor(t.db, novo(agencyA, "Fabio"));
    expect(await updatePreferencias(t.db, agencyB, c.id, { limiteDiario: 9 })).toBeNull();
    expect((await getCorretorById(t.db, agencyA, c.id))?.preferencias.limiteDiario).toBe(5);
  });

  it("reject phones outside E.164 and missing agencies", async () => {
    await expect(insertCorretor(t.db, novo(agencyA, "Gil", "11 99999-0000"))).rejects.toThrow(/E\.164/);
    await expect(insertCorretor(t.db, novo("", "Gil"))).rejects.toThrow(ZodError);
    await expect(insertCorretor(t.db, novo("imob_inexistente", "Gil"))).rejects.toThrow(); // foreign key
  });
});
