import { asc, getTableColumns, type InferInsertModel } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { corretores, imobiliarias, interacoes, leads, mensagens } from "@/lib/db/schema";
import { parseConfiguracoes } from "@/lib/domain/configuracoes-imobiliaria";
import { insertInBatches, maxBatchSize, MAX_BIND_PARAMETERS } from "./bulk-insert";

let db: TestDb;
const AGENCY = "imob_bulk";

beforeAll(async () => {
  db = await createTestDb();
  await db.db
    .insert(imobiliarias)
    .values({ id: AGENCY, slug: "bulk", nome: "Bulk", configuracoes: parseConfiguracoes({}) });
  await db.db
    .insert(corretores)
    .values({ id: "cor_bulk", nome: "Cor", telefone: "+5511900010001", imobiliariaId: AGENCY });
});
afterAll(async () => {
  await db?.cleanup();
});

// Strings that break naive array literals or SQL: quotes, backslashes, braces, commas, "NULL".
const TRICKY = [
  "aspas \"duplas\" e 'simples'",
  "barra \\ invertida",
  "{chaves,e,vírgulas}",
  "NULL",
  "",
  "emoji 🏠 e acentuação ção",
];

function lead(i: number, extra: Partial<InferInsertModel<typeof leads>> = {}): InferInsertModel<typeof leads> {
  return {
    id: `lead_${String(i).padStart(6, "0")}`,
    nome: TRICKY[i % TRICKY.length]!,
    telefone: `+55119${String(i).padStart(8, "0")}`,
    imobiliariaId: AGENCY,
    dataPrimeiroContato: new Date(Date.UTC(2026, 10, 1, 12, 0, i % 60, 123)),
    busca: { bairro: TRICKY[(i + 1) % TRICKY.length], precoMax: i * 1000 },
    metadata: { lista: [1, "dois", null], texto: TRICKY[(i + 2) % TRICKY.length] },
    ...extra,
  };
}

describe("insertInBatches", () => {
  it("stores exactly what drizzle's own insert stores, defaults and nulls included", async () => {
    const rows = Array.from({ length: 12 }, (_, i) =>
      lead(i, i % 3 === 0 ? { score: undefined, email: null } : { score: i, email: `p${i}@x.com` }),
    );
    await db.db.insert(leads).values(rows.slice(0, 6));
    await insertInBatches(db.db, leads, rows.slice(6), { batchSize: 4 });
    const stored = await db.db.select().from(leads).orderBy(asc(leads.id));
    const expected = rows.map((r) => ({
      id: r.id,
      nome: r.nome,
      score: r.score ?? 0,
      email: r.email,
      busca: r.busca,
      metadata: r.metadata,
      dataPrimeiroContato: r.dataPrimeiroContato,
      status: null,
    }));
    expect(
      stored.map((s) => ({
        id: s.id,
        nome: s.nome,
        score: s.score,
        email: s.email,
        busca: s.busca,
        metadata: s.metadata,
        dataPrimeiroContato: s.dataPrimeiroContato,
        status: s.status,
      })),
    ).toEqual(expected);
  });

  it("falls back to VALUES when only the database knows a default, and splits it under the parameter limit", async () => {
    // criadoEm defaults to now() in SQL: a batch that sets it on some rows only cannot use unnest.
    const past = new Date(Date.UTC(2026, 0, 2, 3, 4, 5));
    // 6,000 rows × 12 set columns = 72,000 parameters: one VALUES statement would be refused.
    const rows = Array.from({ length: 6000 }, (_, i): InferInsertModel<typeof mensagens> => ({
      id: `msg_${i}`,
      imobiliariaId: AGENCY,
      corretorId: "cor_bulk",
      tipo: "alerta",
      destino: "+5511900010001",
      corpo: TRICKY[i % TRICKY.length]!,
      status: "outbox",
      idempotencyKey: `k${i}`,
      ...(i % 2 === 0 ? { criadoEm: past } : {}),
    }));
    expect(maxBatchSize(mensagens)).toBe(
      Math.floor(MAX_BIND_PARAMETERS / Object.keys(getTableColumns(mensagens)).length),
    );
    const batches: number[] = [];
    await insertInBatches(db.db, mensagens, rows, { batchSize: 6000, onBatch: (done) => batches.push(done) });
    expect(batches).toEqual([6000]);
    const stored = await db.db.select().from(mensagens).orderBy(asc(mensagens.idempotencyKey));
    expect(stored).toHaveLength(6000);
    const byKey = new Map(stored.map((m) => [m.idempotencyKey, m]));
    expect(byKey.get("k0")!.criadoEm.toISOString()).toBe(past.toISOString());
    expect(byKey.get("k1")!.criadoEm.getTime()).toBeGreaterThan(past.getTime()); // now() on the server
    expect(byKey.get("k1")!.botoes).toEqual([]); // JS default of a jsonb column
    expect(byKey.get("k5")!.corpo).toBe(TRICKY[5]);
  });

  it("leaves a serial id to its sequence and inserts nothing for an empty list", async () => {
    expect(await insertInBatches(db.db, interacoes, [])).toBe(0);
    await insertInBatches(db.db, interacoes, [
      { leadId: "lead_000001", tipo: "nota", conteudo: "a" },
      { leadId: "lead_000002", tipo: "nota", conteudo: "b" },
    ]);
    const rows = await db.db.select().from(interacoes).orderBy(asc(interacoes.id));
    expect(rows.map((r) => [r.id, r.conteudo])).toEqual([
      [1, "a"],
      [2, "b"],
    ]);
  });

  it("rejects a non-positive batch size", async () => {
    await expect(insertInBatches(db.db, interacoes, [{ conteudo: "x" }], { batchSize: 0 })).rejects.toThrow(
      /batchSize/,
    );
  });
});
