// The dashboard's scoped reads (the lead list's own tests are in leads-lista.test.ts): a broker's scope sees only their rows, a manager's the whole agency,
// and nothing ever crosses agencies.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../test-db";
import { insertCorretor } from "@/lib/db/testing/corretores";
import { insertImobiliaria } from "./imobiliarias";
import { insertLead } from "@/lib/db/testing/leads";
import { insertMensagemOnce } from "./mensagens";
import { countVisaoGeral } from "./painel-visao-geral";

let t: TestDb;
let agency: string;
let other: string;
let carla: string;
let rodrigo: string;

const at = (min: number) => new Date(Date.UTC(2026, 2, 10, 12, min));

beforeAll(async () => {
  t = await createTestDb();
  agency = (await insertImobiliaria(t.db, { slug: "painel-a", nome: "A" })).id;
  other = (await insertImobiliaria(t.db, { slug: "painel-b", nome: "B" })).id;
  carla = (await insertCorretor(t.db, { imobiliariaId: agency, nome: "Carla", telefone: "+5511900010001" })).id;
  rodrigo = (
    await insertCorretor(t.db, { imobiliariaId: agency, nome: "Rodrigo", telefone: "+5511900010002", ativo: false })
  ).id;
  const estranho = (await insertCorretor(t.db, { imobiliariaId: other, nome: "Outro", telefone: "+5511900010003" })).id;

  const lead = (imobiliariaId: string, corretorId: string | null, nome: string, min: number, score: number) =>
    insertLead(t.db, {
      imobiliariaId,
      corretorId,
      nome,
      telefone: "+5511976543210",
      email: "x@y.com",
      origem: "olx",
      score,
      dataPrimeiroContato: at(min),
    });
  const l1 = await lead(agency, carla, "Lead Carla antigo", 1, 90);
  await lead(agency, carla, "Lead Carla novo", 5, 30);
  await lead(agency, rodrigo, "Lead Rodrigo", 3, 75);
  await lead(agency, null, "Lead sem corretor", 4, 10);
  await lead(other, estranho, "Lead de outra agência", 9, 99);

  const msg = (imobiliariaId: string, corretorId: string, status: "outbox" | "falhou" | "entregue", key: string) =>
    insertMensagemOnce(t.db, {
      imobiliariaId,
      corretorId,
      leadId: null,
      tipo: "alerta",
      destino: "+5511900010001",
      corpo: "oi",
      status,
      idempotencyKey: key,
    });
  await msg(agency, carla, "outbox", "k1");
  await msg(agency, carla, "falhou", "k2");
  await msg(agency, rodrigo, "outbox", "k3");
  await msg(agency, rodrigo, "entregue", "k4");
  await msg(other, estranho, "outbox", "k5");
  expect(l1.id).toBeTruthy();
});
afterAll(async () => {
  await t?.cleanup();
});

describe("countVisaoGeral", () => {
  it("counts the whole agency for a manager", async () => {
    expect(await countVisaoGeral(t.db, { imobiliariaId: agency, corretorId: null }, 70)).toEqual({
      leads: 4,
      leadsQuentes: 2,
      leadsSemContato: 4,
      mensagens: 4,
      mensagensNaCaixa: 2,
      mensagensComProblema: 1,
      corretoresAtivos: 1,
    });
  });

  it("counts only a broker's own rows, without the team size", async () => {
    expect(await countVisaoGeral(t.db, { imobiliariaId: agency, corretorId: carla }, 70)).toEqual({
      leads: 2,
      leadsQuentes: 1,
      leadsSemContato: 2,
      mensagens: 2,
      mensagensNaCaixa: 1,
      mensagensComProblema: 1,
      corretoresAtivos: null,
    });
  });
});
