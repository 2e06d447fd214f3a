// Integration (PGlite, or Postgres in CI): the intake's one-statement read gives exactly the rows
// that the three owner queries give one by one: dates, JSON, numbers and nulls decoded the same.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { imoveis } from "../schema";
import { listCorretoresComCarga, updatePreferencias } from "./corretores";
import { insertCorretor } from "@/lib/db/testing/corretores";
import { imovelForLeadQuery, listingArgs } from "./imoveis";
import { insertImobiliaria } from "./imobiliarias";
import { runBound } from "../wire/compiled-statement";
import { decodeIntakeContext, planIntakeContext } from "./intake-context";
import { contactArgs, recentLeadByContactQuery, type ContactSince } from "./leads";
import { insertLead } from "@/lib/db/testing/leads";
import type { ListingRef } from "./imoveis";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.cleanup();
});

/** The owner modules' queries, each run on its own through drizzle. */
const findRecentLeadByContact = async (db: Db, imobiliariaId: string, person: ContactSince) => {
  const query = recentLeadByContactQuery(db, contactArgs(imobiliariaId, person));
  return query ? ((await query)[0] ?? null) : null;
};
const findImovelForLead = async (db: Db, imobiliariaId: string, listing: ListingRef) => {
  const query = imovelForLeadQuery(db, listingArgs(imobiliariaId, listing));
  return query ? ((await query)[0] ?? null) : null;
};

/** The statement the intake sends with BEGIN, run on its own. */
const readIntakeContext = async (db: Db, imobiliariaId: string, person: ContactSince, listing: ListingRef) =>
  decodeIntakeContext(await runBound(db, planIntakeContext(imobiliariaId, person, listing)));

describe("readIntakeContext", () => {
  it("reads the earlier lead, the listing and the brokers in one statement, as the owner queries do", async () => {
    const imob = await insertImobiliaria(t.db, { slug: "contexto", nome: "Contexto" });
    const bia = await insertCorretor(t.db, { imobiliariaId: imob.id, nome: "Bia", telefone: "+5511911130002" });
    const ana = await insertCorretor(t.db, {
      imobiliariaId: imob.id,
      nome: "Ana",
      telefone: "+5511911130001",
      email: "ana@contexto.example",
    });
    await updatePreferencias(t.db, imob.id, bia.id, { limiteDiario: 3, pausadoAte: "2026-12-02T15:00:00.000Z" });
    await t.db.insert(imoveis).values({
      id: "imv_ctx",
      imobiliariaId: imob.id,
      codigo: "CTX-1",
      portalIds: { grupoOlx: "olx-99" },
      corretorId: ana.id,
      titulo: "Apartamento 2 quartos",
      tipo: "apartamento",
      finalidade: "venda",
      bairro: "Pinheiros",
      preco: 750000.5,
      quartos: 2,
    });
    const lead = await insertLead(t.db, {
      imobiliariaId: imob.id,
      corretorId: ana.id,
      nome: "Paula",
      telefone: "+5511912345678",
      email: "paula@example.com",
      dataPrimeiroContato: new Date("2026-11-30T13:45:12.345Z"),
      score: 81,
      busca: { tipo: "apartamento", bairro: "Pinheiros", precoMax: 800000 },
      metadata: { consultas: 1, fatores: [{ pontos: 30 }] },
    });
    await insertLead(t.db, { imobiliariaId: imob.id, corretorId: bia.id, nome: "Outro", telefone: "+5511987654321" });

    const person = { telefone: "+5511912345678", email: null, since: new Date("2026-11-01T00:00:00Z") };
    const listing = { codigo: null, portalListingId: "olx-99" };
    const context = await readIntakeContext(t.db, imob.id, person, listing);

    expect(context.earlier?.id).toBe(lead.id);
    expect(context.earlier).toEqual(await findRecentLeadByContact(t.db, imob.id, person));
    expect(context.earlier?.dataPrimeiroContato).toEqual(new Date("2026-11-30T13:45:12.345Z"));
    expect(context.imovel?.id).toBe("imv_ctx");
    expect(context.imovel).toEqual(await findImovelForLead(t.db, imob.id, listing));
    expect(context.imovel?.preco).toBe(750000.5);
    expect(context.corretores.map((c) => [c.nome, c.leadsAbertos])).toEqual([
      ["Ana", 1],
      ["Bia", 1],
    ]);
    expect(context.corretores).toEqual(await listCorretoresComCarga(t.db, imob.id));
    expect(context.corretores[1]!.preferencias.pausadoAte).toBe("2026-12-02T15:00:00.000Z");
  });

  it("answers null and an empty list where there is nothing to find", async () => {
    const imob = await insertImobiliaria(t.db, { slug: "contexto-vazio", nome: "Vazio" });
    const none = await readIntakeContext(
      t.db,
      imob.id,
      { telefone: null, email: null, since: new Date(0) },
      { codigo: null, portalListingId: null },
    );
    expect(none).toEqual({ earlier: null, imovel: null, corretores: [] });
    const unknown = await readIntakeContext(
      t.db,
      imob.id,
      { telefone: "+5511900000000", email: "x@y.example", since: new Date(0) },
      { codigo: "NADA", portalListingId: null },
    );
    expect(unknown).toEqual({ earlier: null, imovel: null, corretores: [] });
  });
});
