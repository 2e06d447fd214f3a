import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { imoveis } from "../schema";
import { createTestDb, type TestDb } from "../test-db";
import { insertCorretor } from "@/lib/db/testing/corretores";
import { insertImobiliaria } from "./imobiliarias";
import { contactArgs, getLeadById, recentLeadByContactQuery, type ContactSince } from "./leads";
import { insertLead } from "@/lib/db/testing/leads";

let t: TestDb;
let agencyA: string;
let agencyB: string;
let brokerA: string;
let brokerB: string;
beforeAll(async () => {
  t = await createTestDb();
  agencyA = (await insertImobiliaria(t.db, { slug: "leads-a", nome: "Leads A" })).id;
  agencyB = (await insertImobiliaria(t.db, { slug: "leads-b", nome: "Leads B" })).id;
  brokerA = (await insertCorretor(t.db, { imobiliariaId: agencyA, nome: "Ana", telefone: "+5511999990001" })).id;
  brokerB = (await insertCorretor(t.db, { imobiliariaId: agencyB, nome: "Bia", telefone: "+5511999990002" })).id;
});
afterAll(async () => {
  await t?.cleanup();
});

describe("leads queries", () => {
  it("insert a lead with the defaults and read it back", async () => {
    const before = Date.now();
    const lead = await insertLead(t.db, { imobiliariaId: agencyA, nome: "Carlos", telefone: "+5521988887777" });
    expect(lead).toMatchObject({ status: "novo", score: 0, corretorId: null, email: null });
    expect(Math.abs(lead.dataPrimeiroContato!.getTime() - before)).toBeLessThan(60_000);
    expect(lead.dataUltimaInteracao).toEqual(lead.dataPrimeiroContato);
    expect(await getLeadById(t.db, agencyA, lead.id)).toEqual(lead);
  });

  it("round-trip every field, timestamps to the millisecond", async () => {
    const contato = new Date("2026-03-10T13:45:12.345Z");
    const input = {
      imobiliariaId: agencyA,
      corretorId: brokerA,
      nome: "Dora",
      telefone: "+5511977776666",
      email: "Dora@Exemplo.com",
      origem: "grupo-olx",
      dataPrimeiroContato: contato,
      score: 72,
      status: "em_contato" as const,
      busca: { tipo: "apartamento", finalidade: "venda" as const, bairro: "Moema", precoMax: 900_000, quartos: 2 },
      metadata: { fatores: { portal: 10 } },
    };
    const lead = await insertLead(t.db, input);
    const read = await getLeadById(t.db, agencyA, lead.id);
    expect(read).toMatchObject({ ...input, email: "dora@exemplo.com" });
    expect(read?.dataPrimeiroContato?.toISOString()).toBe("2026-03-10T13:45:12.345Z");
  });

  it("scope reads by agency", async () => {
    const lead = await insertLead(t.db, { imobiliariaId: agencyA, nome: "Eli", telefone: "+5511966665555" });
    expect(await getLeadById(t.db, agencyB, lead.id)).toBeNull();
  });

  it("refuse a broker or listing from another agency", async () => {
    await expect(
      insertLead(t.db, { imobiliariaId: agencyA, corretorId: brokerB, nome: "Fe", telefone: "+5511955554444" }),
    ).rejects.toThrow(/não pertence à imobiliária/);
    await t.db
      .insert(imoveis)
      .values({ id: "imv_b", imobiliariaId: agencyB, codigo: "B-1", tipo: "casa", finalidade: "venda" });
    await expect(
      insertLead(t.db, { imobiliariaId: agencyA, imovelId: "imv_b", nome: "Fe", telefone: "+5511955554444" }),
    ).rejects.toThrow(/não pertence à imobiliária/);
  });

  it("reject malformed input", async () => {
    const base = { imobiliariaId: agencyA, nome: "Gui", telefone: "+5511944443333" };
    await expect(insertLead(t.db, { ...base, telefone: "944443333" })).rejects.toThrow(/E\.164/);
    await expect(insertLead(t.db, { ...base, status: "quente" as never })).rejects.toThrow(ZodError);
    await expect(insertLead(t.db, { ...base, score: 101 })).rejects.toThrow(ZodError);
    await expect(insertLead(t.db, { ...base, busca: { bairo: "Moema" } as never })).rejects.toThrow(ZodError);
  });
});

/** The intake's same-person query (intake-context.ts sends it with its other reads), run on its own. */
async function findRecentLeadByContact(db: typeof t.db, imobiliariaId: string, contact: ContactSince) {
  const query = recentLeadByContactQuery(db, contactArgs(imobiliariaId, contact));
  return query ? ((await query)[0] ?? null) : null;
}

describe("findRecentLeadByContact", () => {
  const at = (iso: string) => new Date(iso);
  it("finds the person's newest lead by phone or by e-mail, within the window and the agency only", async () => {
    const byPhone = await insertLead(t.db, {
      imobiliariaId: agencyA,
      nome: "Carla",
      telefone: "+5511955550001",
      dataPrimeiroContato: at("2026-11-10T10:00:00Z"),
    });
    const byEmail = await insertLead(t.db, {
      imobiliariaId: agencyA,
      nome: "Carla",
      telefone: "+5511955550099",
      email: "carla@example.com",
      dataPrimeiroContato: at("2026-11-20T10:00:00Z"),
    });
    await insertLead(t.db, {
      imobiliariaId: agencyB,
      nome: "Carla",
      telefone: "+5511955550001",
      dataPrimeiroContato: at("2026-11-25T10:00:00Z"),
    });
    const since = at("2026-11-01T00:00:00Z");

    // Both contacts: the newer of the two matches (the e-mail one), whichever contact found it.
    expect(
      (await findRecentLeadByContact(t.db, agencyA, { telefone: "+5511955550001", email: "CARLA@example.com", since }))
        ?.id,
    ).toBe(byEmail.id);
    expect((await findRecentLeadByContact(t.db, agencyA, { telefone: "+5511955550001", email: null, since }))?.id).toBe(
      byPhone.id,
    );
    expect(
      (await findRecentLeadByContact(t.db, agencyA, { telefone: null, email: "carla@example.com", since }))?.id,
    ).toBe(byEmail.id);
    // Outside the window, or nothing to match on: no earlier lead.
    expect(
      await findRecentLeadByContact(t.db, agencyA, {
        telefone: "+5511955550001",
        email: "carla@example.com",
        since: at("2026-11-21T00:00:00Z"),
      }),
    ).toBeNull();
    expect(await findRecentLeadByContact(t.db, agencyA, { telefone: null, email: null, since })).toBeNull();
  });
});
