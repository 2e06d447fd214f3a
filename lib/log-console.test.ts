import { Writable } from "node:stream";
import { DrizzleQueryError } from "drizzle-orm/errors";
import { describe, expect, it } from "vitest";
import { createLogger } from "./log";
import { routeConsoleThroughLogger } from "./log-console";

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...chunk.toString().split("\n").filter(Boolean));
      done();
    },
  });
  return { logger: createLogger({ level: "debug", destination }), lines };
}

// What Next printed for /mensagens?corretor=%00 before: the failed query with its parameters.
function failedQuery(): Error {
  const cause = Object.assign(new Error('invalid input syntax for type integer: "Rosângela Prado"'), {
    severity: "ERROR",
    code: "22P02",
    detail: "Failing row contains (Rosângela Prado, +5521998877665).",
  });
  return new DrizzleQueryError(
    "select * from leads where nome = $1 and telefone = $2",
    ["Rosângela Prado", "+5521998877665"],
    cause,
  );
}

describe("routeConsoleThroughLogger", () => {
  it("turns console.error from Next into a masked log line without the query's values", () => {
    const { logger, lines } = capture();
    const target = { error: () => undefined, warn: () => undefined } as Pick<Console, "error" | "warn">;
    routeConsoleThroughLogger(logger, target);

    target.error("\u001b[31m⨯\u001b[39m", failedQuery(), { digest: "123" });
    target.warn("contato rosangela.prado@example.com sem telefone");

    expect(lines).toHaveLength(2);
    for (const line of lines) {
      for (const leak of ["Rosângela", "Prado", "998877", "rosangela.prado"]) expect(line).not.toContain(leak);
    }
    const [error, warn] = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(error).toMatchObject({ level: "error", msg: "console.error", message: "⨯", details: [{ digest: "123" }] });
    expect(error?.err).toMatchObject({ type: "DrizzleQueryError", params: "[2 valores omitidos]" });
    expect(warn).toMatchObject({
      level: "warn",
      msg: "console.warn",
      message: "contato r***@example.com sem telefone",
    });
  });

  it("gives the console back when undone", () => {
    const { logger, lines } = capture();
    const printed: unknown[] = [];
    const target = { error: (...a: unknown[]) => printed.push(a), warn: () => undefined } as Pick<
      Console,
      "error" | "warn"
    >;
    const undo = routeConsoleThroughLogger(logger, target);
    undo();
    target.error("x");
    expect(printed).toEqual([["x"]]);
    expect(lines).toHaveLength(0);
  });
});
