import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isUniqueViolation, pgErrorOf } from "./errors";
import { insertCorretor } from "@/lib/db/testing/corretores";
import { insertImobiliaria } from "./queries/imobiliarias";
import { mensagens } from "./schema";
import { createTestDb, type TestDb } from "./test-db";

let t: TestDb;
let msg: typeof mensagens.$inferInsert;
beforeAll(async () => {
  t = await createTestDb();
  const imobiliariaId = (await insertImobiliaria(t.db, { slug: "erros", nome: "Erros" })).id;
  const corretorId = (await insertCorretor(t.db, { imobiliariaId, nome: "Ana", telefone: "+5511999990000" })).id;
  msg = {
    id: "msg_1",
    imobiliariaId,
    corretorId,
    tipo: "alerta",
    destino: "+5511999990000",
    corpo: "Oi",
    status: "pendente",
    idempotencyKey: "evt_1:cor_1:alerta",
  };
});
afterAll(async () => {
  await t?.cleanup();
});

describe("database errors", () => {
  it("raise a unique violation on a duplicate mensagens.idempotency_key", async () => {
    await t.db.insert(mensagens).values(msg);
    const err = await t.db
      .insert(mensagens)
      .values({ ...msg, id: "msg_2" })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(pgErrorOf(err)).toEqual({ code: "23505", constraint: "mensagens_idempotency_key_unique" });
    expect(isUniqueViolation(err)).toBe(true);
    expect(isUniqueViolation(err, "mensagens_idempotency_key_unique")).toBe(true);
    expect(isUniqueViolation(err, "mensagens_pkey")).toBe(false);
  });

  it("tell other errors apart", async () => {
    const fk = await t.db
      .insert(mensagens)
      .values({ ...msg, id: "msg_3", idempotencyKey: "k3", corretorId: "cor_x" })
      .catch((e: unknown) => e);
    expect(pgErrorOf(fk)?.code).toBe("23503");
    expect(isUniqueViolation(fk)).toBe(false);
    expect(pgErrorOf(new Error("plain"))).toBeNull();
    expect(pgErrorOf("not an error")).toBeNull();
  });
});
