import bcrypt from "bcryptjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { createTestDb, type TestDb } from "../test-db";
import { insertCorretor } from "@/lib/db/testing/corretores";
import { insertImobiliaria } from "./imobiliarias";
import {
  getUsuarioByEmailWithHash,
  getUsuarioById,
  insertUsuario,
  listGestoresComWhatsapp,
  recordUsuarioLogin,
  setUsuarioWhatsapp,
} from "./usuarios";

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

describe("listGestoresComWhatsapp", () => {
  it("lists the agency's active admins and gestores that gave a number, never brokers or another agency's", async () => {
    const outra = (await insertImobiliaria(t.db, { slug: "usr-zap-b", nome: "B" })).id;
    const aqui = (await insertImobiliaria(t.db, { slug: "usr-zap-a", nome: "A" })).id;
    const corretor = await insertCorretor(t.db, { imobiliariaId: aqui, nome: "Cid", telefone: "+5511900060009" });
    const login = async (nome: string, papel: "admin" | "gestor" | "corretor", extra: object = {}) => {
      const u = await insertUsuario(t.db, {
        email: `${nome.toLowerCase()}@zap.test`,
        nome,
        senhaHash,
        papel,
        imobiliariaId: aqui,
        ...(papel === "corretor" ? { corretorId: corretor.id } : {}),
        ...extra,
      });
      return u.id;
    };
    const bia = await login("Bia", "gestor");
    const ari = await login("Ari", "admin");
    await login("Sem", "gestor");
    const inativo = await login("Ina", "gestor", { ativo: false });
    const cid = await login("Cid", "corretor");
    const alheio = (
      await insertUsuario(t.db, { email: "x@zap.test", nome: "X", senhaHash, papel: "gestor", imobiliariaId: outra })
    ).id;
    await setUsuarioWhatsapp(t.db, aqui, bia, "+5511900060001");
    await setUsuarioWhatsapp(t.db, aqui, ari, "+5511900060002");
    await setUsuarioWhatsapp(t.db, aqui, inativo, "+5511900060003");
    await setUsuarioWhatsapp(t.db, aqui, cid, "+5511900060004");
    await setUsuarioWhatsapp(t.db, outra, alheio, "+5511900060005");

    expect(await listGestoresComWhatsapp(t.db, aqui)).toEqual([
      { id: ari, nome: "Ari", papel: "admin", whatsapp: "+5511900060002" },
      { id: bia, nome: "Bia", papel: "gestor", whatsapp: "+5511900060001" },
    ]);
    expect(await setUsuarioWhatsapp(t.db, outra, bia, "+5511900060009")).toBeNull();
    await expect(setUsuarioWhatsapp(t.db, aqui, bia, "11 90006-0001")).rejects.toThrow(ZodError);
  });
});
