// /mensagens?corretor=%00 used to reach Postgres, which refuses a NUL in text: a 500 and the query
// with its parameters in the log. Whatever does not fit a filter is now dropped before any query.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listMensagens } from "@/lib/db/queries/mensagens";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { formatCursor, historicoCompletoParam, mensagensStatusFiltro, parseMensagensFiltros } from "./search-params";

const ODD_VALUES: Array<string | string[]> = [
  "\u0000",
  "cor_\u0000abc",
  "\ud83d", // half an emoji
  "a".repeat(51),
  "'; drop table mensagens; --",
  "cor_1 or 1=1",
  "",
  ["\u0000", "cor_1"],
];

let handle: TestDb;
beforeAll(async () => {
  handle = await createTestDb();
});
afterAll(async () => {
  await handle.cleanup();
});

describe("parseMensagensFiltros", () => {
  it("keeps a real broker id and a known status, the first of repeated values", () => {
    expect(parseMensagensFiltros({ corretor: "cor_01JD8X4Y7ZABCDEFGHJKMNPQRS", status: "outbox" })).toEqual({
      corretor: "cor_01JD8X4Y7ZABCDEFGHJKMNPQRS",
      status: "outbox",
    });
    expect(parseMensagensFiltros({ corretor: ["cor_a", "cor_b"], status: ["enviada", "falhou"] })).toEqual({
      corretor: "cor_a",
      status: "enviada",
    });
  });

  it.each(ODD_VALUES.map((v) => [JSON.stringify(v), v] as const))(
    "drops corretor=%s, and the list still loads",
    async (_label, value) => {
      const filtros = parseMensagensFiltros({ corretor: value, status: "\u0000" });
      expect(filtros).toEqual({ corretor: undefined, status: undefined });
      await expect(
        listMensagens(handle.db, "imob_x", {
          corretorId: filtros.corretor,
          status: filtros.status ? mensagensStatusFiltro(filtros.status) : undefined,
        }),
      ).resolves.toEqual([]);
    },
  );

  it("reads com_problema as the failed and uncertain statuses the overview card counts", () => {
    const filtros = parseMensagensFiltros({ status: "com_problema" });
    expect(filtros.status).toBe("com_problema");
    expect(mensagensStatusFiltro(filtros.status!)).toEqual(["falhou", "incerta"]);
    expect(mensagensStatusFiltro("outbox")).toEqual(["outbox"]);
  });

  it("(the query itself cannot take a NUL: that is what the page used to pass it)", async () => {
    await expect(listMensagens(handle.db, "imob_x", { corretorId: "\u0000" })).rejects.toThrow();
  });

  it("reads the period's days and the page cursor, and drops what does not fit", () => {
    expect(parseMensagensFiltros({ de: "2026-12-01", ate: "2026-12-05", antes: "1764950400000.msg_01ABC" })).toEqual({
      de: "2026-12-01",
      ate: "2026-12-05",
      antes: { at: new Date(1764950400000), id: "msg_01ABC" },
    });
    expect(parseMensagensFiltros({ de: "01/12/2026", ate: "ontem", antes: "1764950400000.msg_01;drop" })).toEqual({});
    expect(formatCursor({ at: new Date(1764950400000), id: "msg_01ABC" })).toBe("1764950400000.msg_01ABC");
  });

  it("asks for the lead's whole history only with ?historico=tudo", () => {
    expect(historicoCompletoParam.parse("tudo")).toBe(true);
    expect(historicoCompletoParam.parse(["tudo", "x"])).toBe(true);
    expect(historicoCompletoParam.parse(undefined)).toBe(false);
    expect(historicoCompletoParam.parse("todo")).toBe(false);
  });
});
