import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { isUniqueViolation } from "../errors";
import { createTestDb, type TestDb } from "../test-db";
import { getImobiliariaById, getImobiliariaBySlug, insertImobiliaria } from "./imobiliarias";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.cleanup();
});

describe("imobiliarias queries", () => {
  it("insert an agency with default settings and read it back by id and slug", async () => {
    const created = await insertImobiliaria(t.db, { slug: "imob-centro", nome: "Imob Centro", uf: "SP" });
    expect(created.id).toMatch(/^imob_/);
    expect(created.timezone).toBe("America/Sao_Paulo");
    expect(created.configuracoes).toMatchObject({ roteamento: "roleta", slaMinutos: 15, followUpDias: [1, 3, 7, 15] });
    expect(created.criadoEm).toBeInstanceOf(Date);

    expect(await getImobiliariaById(t.db, created.id)).toEqual(created);
    expect(await getImobiliariaBySlug(t.db, "imob-centro")).toEqual(created);
  });

  it("keep the settings given and fill the rest", async () => {
    const created = await insertImobiliaria(t.db, {
      slug: "imob-sul",
      nome: "Imob Sul",
      timezone: "America/Manaus",
      configuracoes: { roteamento: "fixo", scoreQuente: 80 },
    });
    const read = await getImobiliariaBySlug(t.db, "imob-sul");
    expect(read?.timezone).toBe("America/Manaus");
    expect(read?.configuracoes).toMatchObject({ roteamento: "fixo", scoreQuente: 80, scoreMorno: 40 });
    expect(read?.id).toBe(created.id);
  });

  it("return null for unknown or malformed slugs and unknown ids", async () => {
    expect(await getImobiliariaBySlug(t.db, "nao-existe")).toBeNull();
    expect(await getImobiliariaBySlug(t.db, "../Admin")).toBeNull();
    expect(await getImobiliariaById(t.db, "imob_nao_existe")).toBeNull();
  });

  it("reject invalid input before touching the database", async () => {
    await expect(insertImobiliaria(t.db, { slug: "Com Espaço", nome: "X" })).rejects.toThrow(ZodError);
    await expect(insertImobiliaria(t.db, { slug: "ok", nome: "" })).rejects.toThrow(/nome vazio/);
    await expect(insertImobiliaria(t.db, { slug: "ok", nome: "X", timezone: "Mars/Base" })).rejects.toThrow(
      /fuso horário/,
    );
    await expect(insertImobiliaria(t.db, { slug: "ok", nome: "X", configuracoes: { slaMinutos: 0 } })).rejects.toThrow(
      ZodError,
    );
    expect(await getImobiliariaBySlug(t.db, "ok")).toBeNull();
  });

  it("raise a unique violation on a taken slug", async () => {
    await insertImobiliaria(t.db, { slug: "duplicada", nome: "Primeira" });
    const err = await insertImobiliaria(t.db, { slug: "duplicada", nome: "Segunda" }).catch((e: unknown) => e);
    expect(isUniqueViolation(err, "imobiliarias_slug_unique")).toBe(true);
  });
});
