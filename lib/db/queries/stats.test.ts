import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventos, imoveis, mensagens } from "../schema";
import { createTestDb, type TestDb } from "../test-db";
import { insertCorretor } from "@/lib/db/testing/corretores";
import { insertImobiliaria } from "./imobiliarias";
import { insertLead } from "@/lib/db/testing/leads";
import { countOverview } from "./stats";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.cleanup();
});

async function seedAgency(slug: string, n: { corretores: number; leads: number }) {
  const agency = (await insertImobiliaria(t.db, { slug, nome: slug })).id;
  const brokers = [];
  for (let i = 0; i < n.corretores; i++) {
    brokers.push(
      await insertCorretor(t.db, { imobiliariaId: agency, nome: `C${i}`, telefone: `+55119999900${i}${slug.length}` }),
    );
  }
  for (let i = 0; i < n.leads; i++) {
    await insertLead(t.db, { imobiliariaId: agency, nome: `L${i}`, telefone: `+55219888800${i}${slug.length}` });
  }
  return { agency, broker: brokers[0]!.id };
}

describe("countOverview", () => {
  it("counts zero on an empty database", async () => {
    expect(await countOverview(t.db)).toEqual({ corretores: 0, leads: 0, eventos: 0, imoveis: 0, mensagens: 0 });
  });

  it("counts every table, overall and per agency", async () => {
    const a = await seedAgency("stats-a", { corretores: 2, leads: 3 });
    const b = await seedAgency("stats-bb", { corretores: 1, leads: 1 });
    await t.db.insert(eventos).values([
      { id: "evt_1", imobiliariaId: a.agency, corretorId: a.broker, tipo: "novo_lead" },
      { id: "evt_2", imobiliariaId: b.agency, tipo: "novo_lead" },
    ]);
    await t.db
      .insert(imoveis)
      .values({ id: "imv_1", imobiliariaId: a.agency, codigo: "A1", tipo: "casa", finalidade: "venda" });
    await t.db.insert(mensagens).values({
      id: "msg_1",
      imobiliariaId: a.agency,
      corretorId: a.broker,
      tipo: "alerta",
      destino: "+5511999990000",
      corpo: "Novo lead",
      status: "pendente",
      idempotencyKey: "evt_1:cor:alerta",
    });

    expect(await countOverview(t.db)).toEqual({ corretores: 3, leads: 4, eventos: 2, imoveis: 1, mensagens: 1 });
    expect(await countOverview(t.db, a.agency)).toEqual({
      corretores: 2,
      leads: 3,
      eventos: 1,
      imoveis: 1,
      mensagens: 1,
    });
    expect(await countOverview(t.db, b.agency)).toEqual({
      corretores: 1,
      leads: 1,
      eventos: 1,
      imoveis: 0,
      mensagens: 0,
    });
  });

  it("rejects an empty agency id", async () => {
    await expect(countOverview(t.db, "")).rejects.toThrow(/id vazio/);
  });
});
