import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseConfiguracoes } from "@/lib/domain/configuracoes-imobiliaria";
import { createDb, type CreateDbOptions } from "./client";
import { migrateDb } from "./migrate";
import { imobiliarias } from "./schema";

const tmpDirs: string[] = [];
afterAll(async () => {
  await Promise.all(tmpDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe("createDb", () => {
  it.each<[string, unknown, RegExp]>([
    ["an unknown driver", { driver: "mysql" }, /driver deve ser pglite, postgres ou neon/],
    ["postgres without url", { driver: "postgres" }, /url é obrigatória para os drivers postgres e neon/],
    ["neon without url", { driver: "neon" }, /url é obrigatória/],
    ["a url that is not postgres", { driver: "postgres", url: "mysql://x/y" }, /url deve ser uma URL postgres/],
    ["an empty PGlite dir", { driver: "pglite", pgliteDir: "" }, /pgliteDir não pode ser vazio/],
  ])("rejects %s with a clear message", async (_, options, message) => {
    const attempt = createDb(options as CreateDbOptions);
    await expect(attempt).rejects.toThrow(/^Configuração de banco inválida: /);
    await expect(attempt).rejects.toThrow(message);
  });

  it("builds a Neon handle without connecting until the first query", async () => {
    const handle = await createDb({ driver: "neon", url: "postgresql://u:p@ep-exemplo.sa-east-1.aws.neon.tech/db" });
    expect(handle.driver).toBe("neon");
    await handle.close();
  });

  it("opens an in-memory PGlite that answers ping and closes twice safely", async () => {
    const handle = await createDb({ driver: "pglite" });
    await expect(handle.ping()).resolves.toBeUndefined();
    await handle.close();
    await expect(handle.close()).resolves.toBeUndefined();
    await expect(handle.ping()).rejects.toThrow();
  });

  it("keeps a file-backed PGlite's data after close and reopen", async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), "lastro-pglite-"));
    tmpDirs.push(root);
    const dir = path.join(root, "nested", "pglite"); // created on demand, like `mkdir -p`

    const first = await createDb({ driver: "pglite", pgliteDir: dir });
    await migrateDb(first);
    await first.db
      .insert(imobiliarias)
      .values({ id: "imob_1", slug: "persistente", nome: "Persistente", configuracoes: parseConfiguracoes({}) });
    await first.close();

    const second = await createDb({ driver: "pglite", pgliteDir: dir });
    await migrateDb(second); // already applied: must not fail nor wipe anything
    const rows = await second.db.select().from(imobiliarias);
    await second.close();
    expect(rows.map((r) => r.slug)).toEqual(["persistente"]);
  });
});
