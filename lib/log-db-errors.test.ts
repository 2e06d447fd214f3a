// Errors from the database carry the row's values (drizzle's `params`, Postgres's `detail`, the
// rejected value in the message): a lead's name has no pattern to mask, so the logger must drop them.
// Real errors from the test database (PGlite, or Postgres with DATABASE_URL), not hand-made ones.
import { Writable } from "node:stream";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { createLogger } from "./log";

const NOME = "Josefina Albuquerque Tavares";
const TELEFONE = "+5511987654321";
const EMAIL = "josefina.tavares@example.com";
const LEAKS = ["Josefina", "Albuquerque", "Tavares", "98765", "87654321", "josefina.tavares"];

let handle: TestDb;
beforeAll(async () => {
  handle = await createTestDb();
  await handle.db.execute(
    sql`create table log_contatos (nome text not null, telefone text, email text, nota int check (nota > 0))`,
  );
});
afterAll(async () => {
  await handle.cleanup();
});

async function failure(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (err) {
    return err;
  }
  throw new Error("the query should have failed");
}

function logged(err: unknown): { text: string; record: Record<string, unknown> } {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  createLogger({ level: "error", destination }).error("db.failed", { err });
  const text = lines.join("");
  return { text, record: JSON.parse(text) as Record<string, unknown> };
}

function expectNoLeak(text: string) {
  for (const leak of LEAKS) expect(text, `"${leak}" leaked in ${text}`).not.toContain(leak);
}

describe("logging a database error", () => {
  it("drops the row Postgres puts in `detail` and the params drizzle keeps and appends to the message", async () => {
    const err = await failure(() =>
      handle.db.execute(
        sql`insert into log_contatos (nome, telefone, email, nota) values (${NOME}, ${TELEFONE}, ${EMAIL}, ${-1})`,
      ),
    );
    // The error as raised really carries the lead's data, in more than one place.
    const raw = err as { message: string; params?: unknown[]; cause?: { detail?: string; code?: string } };
    expect(raw.message).toContain(NOME);
    expect(raw.params).toContain(NOME);
    expect(raw.cause?.detail).toContain(NOME);

    const { text, record } = logged(err);
    expectNoLeak(text);
    // What a maintainer needs is still there: the statement, the SQLSTATE and the constraint.
    const logErr = record.err as { message: string; params: string; stack: string; cause: Record<string, unknown> };
    expect(logErr.message).toContain("insert into log_contatos");
    expect(logErr.params).toBe("[4 valores omitidos]");
    expect(logErr.stack).toContain("at ");
    expect(logErr.cause.code).toBe("23514");
    expect(logErr.cause.detail).toBe("[omitido]");
    expect(String(logErr.cause.message)).toContain("log_contatos_nota_check");
  });

  it("drops the rejected value Postgres quotes in a data exception's message", async () => {
    const err = await failure(() => handle.db.execute(sql`select ${NOME}::int as n`));
    expect(
      JSON.stringify(err, Object.getOwnPropertyNames(err)) + String((err as { cause?: Error }).cause?.message),
    ).toContain(NOME);
    const { text, record } = logged(err);
    expectNoLeak(text);
    const cause = (record.err as { cause: { message: string; code: string } }).cause;
    expect(cause.code).toBe("22P02");
    expect(cause.message).toContain("invalid input syntax for type integer");
  });

  it("masks errors that are not from the database as before, without dropping their fields", () => {
    const err = Object.assign(new Error(`falhou para ${EMAIL}`), { detail: "contexto útil", params: ["a"] });
    const { text, record } = logged(err);
    expectNoLeak(text);
    expect(record.err).toMatchObject({ detail: "contexto útil", params: ["a"] });
  });
});
