import bcrypt from "bcryptjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { createTestDb, type TestDb } from "../test-db";
import { insertCorretor } from "@/lib/db/testing/corretores";
import { insertImobiliaria } from "./imobiliarias";
import { getUsuarioByEmailWithHash, getUsuarioById, insertUsuario, recordUsuarioLogin } from "./usuarios";

let t: TestDb;
let agency: string;
const senhaHash = bcrypt.hashSync("segredo", 4);

beforeAll(async () => {
  t = await createTestDb();
  agency = (await insertImobiliaria(t.db, { slug: "usr-a", nome: "Agência" })).id;
});
afterAll(async () => {
  await t?.cleanup();
});

describe("usuarios queries", () => {
  it("store the e-mail lower-cased and never hand the hash out except to the password check", async () => {
    const created = await insertUsuario(t.db, {
      email: " Gestor@Exemplo.COM ",
      nome: "Gil",
      senhaHash,
      papel: "gestor",
      imobiliariaId: agency,
    });
    expect(created.email).toBe("gestor@exemplo.com");
    expect(created).not.toHaveProperty("senhaHash");
    expect(await getUsuarioById(t.db, created.id)).toEqual(created);
    expect((await getUsuarioByEmailWithHash(t.db, "GESTOR@exemplo.com"))?.senhaHash).toBe(senhaHash);
  });

  it("find nobody for an unknown or malformed e-mail or id, without throwing", async () => {
    expect(await getUsuarioByEmailWithHash(t.db, "ninguem@exemplo.com")).toBeNull();
    expect(await getUsuarioByEmailWithHash(t.db, "não é e-mail")).toBeNull();
    expect(await getUsuarioById(t.db, "")).toBeNull();
    expect(await getUsuarioById(t.db, "usr_inexistente")).toBeNull();
  });

  it("require a broker login to name its broker, and a bcrypt hash", async () => {
    await expect(
      insertUsuario(t.db, { email: "c@exemplo.com", nome: "C", senhaHash, papel: "corretor", imobiliariaId: agency }),
    ).rejects.toThrow(ZodError);
    await expect(
      insertUsuario(t.db, {
        email: "d@exemplo.com",
        nome: "D",
        senhaHash: "texto-puro",
        papel: "admin",
        imobiliariaId: agency,
      }),
    ).rejects.toThrow(ZodError);
    const corretor = await insertCorretor(t.db, { imobiliariaId: agency, nome: "Carla", telefone: "+5511900010001" });
    const login = await insertUsuario(t.db, {
      email: "carla@exemplo.com",
      nome: "Carla",
      senhaHash,
      papel: "corretor",
      imobiliariaId: agency,
      corretorId: corretor.id,
    });
    expect(login.corretorId).toBe(corretor.id);
  });

  it("record the last login time", async () => {
    const u = await insertUsuario(t.db, {
      email: "login@exemplo.com",
      nome: "L",
      senhaHash,
      papel: "admin",
      imobiliariaId: agency,
    });
    expect(u.ultimoLoginEm).toBeNull();
    const at = new Date("2026-05-01T13:14:15Z");
    await recordUsuarioLogin(t.db, u.id, at);
    expect((await getUsuarioById(t.db, u.id))?.ultimoLoginEm?.toISOString()).toBe(at.toISOString());
  });
});
