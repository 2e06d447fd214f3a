import bcrypt from "bcryptjs";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertCorretor } from "@/lib/db/queries/corretores";
import { insertImobiliaria } from "@/lib/db/queries/imobiliarias";
import { insertUsuario } from "@/lib/db/queries/usuarios";
import { usuarios } from "@/lib/db/schema";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { verifyCredentials } from "./verify-credentials";

let t: TestDb;
let agency: string;
let corretorId: string;
const now = new Date("2026-03-10T12:00:00Z");

beforeAll(async () => {
  t = await createTestDb();
  agency = (await insertImobiliaria(t.db, { slug: "cred-a", nome: "Agência" })).id;
  corretorId = (await insertCorretor(t.db, { imobiliariaId: agency, nome: "Carla", telefone: "+5511900010001" })).id;
  const senhaHash = bcrypt.hashSync("Corretor#2026", 4);
  await insertUsuario(t.db, { id: "usr_c", email: "Corretor@Horizonte.demo", nome: "Carla", senhaHash, papel: "corretor", imobiliariaId: agency, corretorId });
  await insertUsuario(t.db, { id: "usr_inativo", email: "inativo@horizonte.demo", nome: "Ivo", senhaHash, papel: "gestor", imobiliariaId: agency, ativo: false });
});
afterAll(async () => {
  await t?.cleanup();
});

describe("verifyCredentials", () => {
  it("accepts the right password whatever the e-mail's case and spacing, and stamps ultimo_login_em", async () => {
    const result = await verifyCredentials(t.db, { email: "  CORRETOR@horizonte.DEMO ", senha: "Corretor#2026" }, now);
    expect(result).toEqual({
      userId: "usr_c", papel: "corretor", imobiliariaId: agency, corretorId, nome: "Carla", email: "corretor@horizonte.demo",
    });
    const [row] = await t.db.select().from(usuarios).where(eq(usuarios.id, "usr_c"));
    expect(row?.ultimoLoginEm?.toISOString()).toBe(now.toISOString());
  });

  it("answers null alike for a wrong password, an unknown e-mail and an inactive login, without stamping", async () => {
    const before = await t.db.select({ id: usuarios.id, at: usuarios.ultimoLoginEm }).from(usuarios);
    const later = new Date(now.getTime() + 60_000);
    expect(await verifyCredentials(t.db, { email: "corretor@horizonte.demo", senha: "corretor#2026" }, later)).toBeNull();
    expect(await verifyCredentials(t.db, { email: "ninguem@horizonte.demo", senha: "Corretor#2026" }, later)).toBeNull();
    expect(await verifyCredentials(t.db, { email: "inativo@horizonte.demo", senha: "Corretor#2026" }, later)).toBeNull();
    expect(await t.db.select({ id: usuarios.id, at: usuarios.ultimoLoginEm }).from(usuarios)).toEqual(before);
  });

  it("refuses malformed input instead of throwing", async () => {
    for (const input of [null, {}, { email: "corretor@horizonte.demo" }, { email: 1, senha: 2 }, { email: "x", senha: "" }]) {
      expect(await verifyCredentials(t.db, input, now)).toBeNull();
    }
    // bcrypt only reads 72 bytes: a longer password that starts with the real one must not pass.
    expect(await verifyCredentials(t.db, { email: "corretor@horizonte.demo", senha: `Corretor#2026${"x".repeat(80)}` }, now)).toBeNull();
  });
});
