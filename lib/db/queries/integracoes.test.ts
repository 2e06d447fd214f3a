import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDb, type TestDb } from "../test-db";
import { insertImobiliaria } from "./imobiliarias";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.cleanup();
});

describe("the remembered portal credential", () => {
  // Under `npm start` the direct lane and the server actions load this module separately in one process.
  it("a change written through one copy of the module is seen at once by another copy", async () => {
    const lane = await import("./integracoes");
    vi.resetModules();
    const actions = await import("./integracoes");
    expect(actions).not.toBe(lane);
    const { id } = await insertImobiliaria(t.db, { slug: "memo-a", nome: "Memo A" });
    await lane.upsertIntegracao(t.db, { imobiliariaId: id, portal: "imovelweb", segredo: "segredo-velho" });
    expect((await lane.getActiveIntegracaoCached(t.db, id, "imovelweb"))?.segredo).toBe("segredo-velho");

    await actions.upsertIntegracao(t.db, { imobiliariaId: id, portal: "imovelweb", segredo: "segredo-novo" });

    expect((await lane.getActiveIntegracaoCached(t.db, id, "imovelweb"))?.segredo).toBe("segredo-novo");
  });
});
