import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasAnyAgency } from "@/scripts/demo/seed";
import { DEMO_LOGINS } from "@/scripts/demo/demo-accounts";
import { createPasswordChecker } from "@/lib/auth/password";
import { getUsuarioByEmailWithHash } from "@/lib/db/queries/usuarios";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { parseEnv } from "@/lib/env";
import { decideDemoSeed, prepareHandle, setupInstructions } from "./prepare-database";

const POSTGRES = "postgres://lastro:x@db.exemplo.com.br:5432/lastro";
let empty: TestDb;
let demo: TestDb;
beforeAll(async () => {
  [empty, demo] = await Promise.all([createTestDb(), createTestDb()]);
});
afterAll(async () => {
  await Promise.all([empty?.cleanup(), demo?.cleanup()]);
});

describe("seed the demo or not", () => {
  it("seeds on the zero-config embedded database, not on Postgres unless DEMO=true", () => {
    expect(decideDemoSeed(parseEnv({}))).toBe(true);
    expect(decideDemoSeed(parseEnv({ DATABASE_URL: POSTGRES }))).toBe(false);
    expect(decideDemoSeed(parseEnv({ DATABASE_URL: POSTGRES, DEMO: "true" }))).toBe(true);
    expect(decideDemoSeed(parseEnv({ DATABASE_URL: POSTGRES, DEMO: "1" }))).toBe(true);
    expect(decideDemoSeed(parseEnv({ DEMO: "false" }))).toBe(false);
    expect(() => parseEnv({ DEMO: "sim" })).toThrow(/DEMO: deve ser true ou false/);
  });

  it("without the demo leaves an empty database empty and says how to set it up", async () => {
    const prepared = await prepareHandle(empty, { demo: decideDemoSeed(parseEnv({ DATABASE_URL: POSTGRES })) });
    expect(prepared).toMatchObject({ seeded: false, setupNeeded: true, counts: { leads: 0, corretores: 0 } });
    expect(await hasAnyAgency(empty.db)).toBe(false);
    // The README's public demo passwords open nothing here.
    for (const login of DEMO_LOGINS) expect(await getUsuarioByEmailWithHash(empty.db, login.email)).toBeNull();
    expect(setupInstructions().join("\n")).toMatch(/npm run setup/);
  });

  it("with DEMO=true seeds the demo once", async () => {
    const wanted = decideDemoSeed(parseEnv({ DATABASE_URL: POSTGRES, DEMO: "true" }));
    const prepared = await prepareHandle(demo, { demo: wanted, seed: { leads: 20 } });
    expect(prepared).toMatchObject({ seeded: true, setupNeeded: false, counts: { leads: 20 } });
    // The documented logins work, each with the README's password.
    const senhas = createPasswordChecker();
    for (const login of DEMO_LOGINS) {
      const usuario = await getUsuarioByEmailWithHash(demo.db, login.email);
      expect(usuario?.papel, login.email).toBe(login.papel);
      expect(await senhas.compare(login.senha, usuario!.senhaHash), login.email).toBe(true);
    }
    expect(await prepareHandle(demo, { demo: wanted })).toMatchObject({ seeded: false, setupNeeded: false });
  });
});
