// An admin's work on logins against a real database: what each action stores, what it refuses with
// which pt-BR message, that sessions end, and that the audit rows carry ids and roles only.
import bcrypt from "bcryptjs";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAuditoriaDoAlvo } from "@/lib/db/queries/auditoria";
import { insertImobiliaria } from "@/lib/db/queries/imobiliarias";
import { getUsuarioById, insertUsuario } from "@/lib/db/queries/usuarios";
import { usuarios } from "@/lib/db/schema";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { insertCorretor } from "@/lib/db/testing/corretores";
import { createLogin, resetSenha, setLoginAtivo, setLoginPapel, type UsuarioAdmin } from "./manage-usuarios";

let t: TestDb;
let admin: UsuarioAdmin;
let outraAgencia: string;
let corretorLivre: string;
let corretorDeFora: string;
const NOW = new Date("2026-12-05T15:00:00Z");
const hashOf = async (id: string) =>
  (await t.db.select({ h: usuarios.senhaHash }).from(usuarios).where(eq(usuarios.id, id)))[0]!.h;

beforeAll(async () => {
  t = await createTestDb();
  const agencia = (await insertImobiliaria(t.db, { slug: "usuarios-a", nome: "Agência A" })).id;
  outraAgencia = (await insertImobiliaria(t.db, { slug: "usuarios-b", nome: "Agência B" })).id;
  const senhaHash = bcrypt.hashSync("Admin#2026-forte", 4);
  await insertUsuario(t.db, {
    id: "usr_admin",
    email: "admin@a.test",
    nome: "Ana",
    senhaHash,
    papel: "admin",
    imobiliariaId: agencia,
  });
  await insertUsuario(t.db, {
    id: "usr_admin_b",
    email: "admin@b.test",
    nome: "Bia",
    senhaHash,
    papel: "admin",
    imobiliariaId: outraAgencia,
  });
  admin = { imobiliariaId: agencia, usuarioId: "usr_admin" };
  corretorLivre = (await insertCorretor(t.db, { imobiliariaId: agencia, nome: "Caio", telefone: "+5511900030001" })).id;
  corretorDeFora = (
    await insertCorretor(t.db, { imobiliariaId: outraAgencia, nome: "Duda", telefone: "+5511900030002" })
  ).id;
});
afterAll(async () => {
  await t?.cleanup();
});

describe("createLogin", () => {
  it("creates the login with a temporary password, shown once, that logs in for 72 hours and must be changed", async () => {
    const feito = await createLogin(t.db, admin, { nome: "Gil", email: " Gil@A.test ", papel: "gestor" }, NOW);
    if (feito.kind !== "feito") throw new Error(JSON.stringify(feito));
    const row = await getUsuarioById(t.db, feito.usuarioId);
    expect(row).toMatchObject({
      email: "gil@a.test",
      papel: "gestor",
      imobiliariaId: admin.imobiliariaId,
      ativo: true,
    });
    expect(row?.senhaProvisoriaAte?.toISOString()).toBe("2026-12-08T15:00:00.000Z");
    expect(feito.senhaProvisoria.length).toBeGreaterThanOrEqual(10);
    expect(await bcrypt.compare(feito.senhaProvisoria, await hashOf(feito.usuarioId))).toBe(true);

    const [audit] = await listAuditoriaDoAlvo(t.db, admin.imobiliariaId, { tipo: "usuario", id: feito.usuarioId });
    expect(audit).toMatchObject({ acao: "usuario.criado", usuarioId: "usr_admin", detalhes: { papel: "gestor" } });
    const texto = JSON.stringify(audit);
    expect(texto).not.toContain("gil@a.test");
    expect(texto).not.toContain(feito.senhaProvisoria);
  });

  it("refuses an e-mail that already has a login, whatever its case, in any agency", async () => {
    for (const email of ["GIL@a.test", "admin@b.test"]) {
      expect(await createLogin(t.db, admin, { nome: "Outro", email, papel: "gestor" }, NOW)).toEqual({
        kind: "invalido",
        erros: { email: "Este e-mail já tem um login." },
      });
    }
  });

  it("ties a broker login to a broker of the agency that has no login yet", async () => {
    const login = (corretorId: string | undefined, email: string) =>
      createLogin(t.db, admin, { nome: "Caio", email, papel: "corretor", corretorId }, NOW);
    expect(await login(undefined, "caio@a.test")).toEqual({
      kind: "invalido",
      erros: { corretorId: "Escolha o corretor deste login." },
    });
    expect(await login(corretorDeFora, "caio@a.test")).toEqual({
      kind: "invalido",
      erros: { corretorId: "Corretor não encontrado." },
    });
    const feito = await login(corretorLivre, "caio@a.test");
    expect(feito.kind).toBe("feito");
    expect(await login(corretorLivre, "caio2@a.test")).toEqual({
      kind: "invalido",
      erros: { corretorId: "Este corretor já tem um login." },
    });
  });

  it("names each bad field in pt-BR and writes nothing", async () => {
    const antes = await t.db.select().from(usuarios);
    expect(await createLogin(t.db, admin, { nome: " ", email: "não é e-mail", papel: "dono" as "admin" }, NOW)).toEqual(
      {
        kind: "invalido",
        erros: { nome: "Informe o nome.", email: "E-mail inválido.", papel: "Escolha um papel." },
      },
    );
    expect(await t.db.select().from(usuarios)).toEqual(antes);
  });
});

describe("resetSenha", () => {
  it("replaces the password by a temporary one and ends the login's sessions", async () => {
    const criado = await createLogin(t.db, admin, { nome: "Rui", email: "rui@a.test", papel: "gestor" }, NOW);
    if (criado.kind !== "feito") throw new Error("não criou");
    const antes = (await getUsuarioById(t.db, criado.usuarioId))!;
    const depois = new Date("2026-12-06T10:00:00Z");
    const feita = await resetSenha(t.db, admin, criado.usuarioId, depois);
    expect(feita?.senhaProvisoria).not.toBe(criado.senhaProvisoria);
    const hash = await hashOf(criado.usuarioId);
    expect(await bcrypt.compare(criado.senhaProvisoria, hash)).toBe(false);
    expect(await bcrypt.compare(feita!.senhaProvisoria, hash)).toBe(true);
    const row = (await getUsuarioById(t.db, criado.usuarioId))!;
    expect(row.sessaoVersao).toBe(antes.sessaoVersao + 1);
    expect(row.senhaProvisoriaAte?.toISOString()).toBe("2026-12-09T10:00:00.000Z");
    const [audit] = await listAuditoriaDoAlvo(t.db, admin.imobiliariaId, { tipo: "usuario", id: criado.usuarioId });
    expect(audit).toMatchObject({ acao: "usuario.senha_redefinida", detalhes: { papel: "gestor" } });
    expect(JSON.stringify(audit)).not.toContain(feita!.senhaProvisoria);
  });

  it("finds nobody in another agency, and changes nothing there", async () => {
    const hash = await hashOf("usr_admin_b");
    expect(await resetSenha(t.db, admin, "usr_admin_b", NOW)).toBeNull();
    expect(await hashOf("usr_admin_b")).toBe(hash);
  });
});

describe("setLoginAtivo", () => {
  it("never lets an admin deactivate themselves, so the agency keeps its admin", async () => {
    expect(await setLoginAtivo(t.db, admin, "usr_admin", false)).toEqual({
      kind: "recusado",
      mensagem: "Você não pode desativar o próprio login.",
    });
    expect((await getUsuarioById(t.db, "usr_admin"))?.ativo).toBe(true);
  });

  it("deactivates (ending the sessions) and reactivates, auditing each change once", async () => {
    const criado = await createLogin(t.db, admin, { nome: "Lia", email: "lia@a.test", papel: "admin" }, NOW);
    if (criado.kind !== "feito") throw new Error("não criou");
    const versao = (await getUsuarioById(t.db, criado.usuarioId))!.sessaoVersao;
    expect(await setLoginAtivo(t.db, admin, criado.usuarioId, false)).toEqual({ kind: "feito", mudou: true });
    expect(await setLoginAtivo(t.db, admin, criado.usuarioId, false)).toEqual({ kind: "feito", mudou: false });
    expect(await getUsuarioById(t.db, criado.usuarioId)).toMatchObject({ ativo: false, sessaoVersao: versao + 1 });
    expect(await setLoginAtivo(t.db, admin, criado.usuarioId, true)).toEqual({ kind: "feito", mudou: true });
    const trilha = await listAuditoriaDoAlvo(t.db, admin.imobiliariaId, { tipo: "usuario", id: criado.usuarioId });
    expect(trilha.filter((a) => a.acao === "usuario.ativo").map((a) => a.detalhes)).toEqual([
      { papel: "admin", antes: false, depois: true },
      { papel: "admin", antes: true, depois: false },
    ]);
  });

  it("finds nobody in another agency", async () => {
    expect(await setLoginAtivo(t.db, admin, "usr_admin_b", false)).toEqual({ kind: "nao_encontrado" });
    expect((await getUsuarioById(t.db, "usr_admin_b"))?.ativo).toBe(true);
  });
});

describe("setLoginPapel", () => {
  it("moves a login between gestor and admin, audited with before → after", async () => {
    const criado = await createLogin(t.db, admin, { nome: "Teo", email: "teo@a.test", papel: "gestor" }, NOW);
    if (criado.kind !== "feito") throw new Error("não criou");
    expect(await setLoginPapel(t.db, admin, criado.usuarioId, "admin")).toEqual({ kind: "feito", mudou: true });
    expect((await getUsuarioById(t.db, criado.usuarioId))?.papel).toBe("admin");
    const [audit] = await listAuditoriaDoAlvo(t.db, admin.imobiliariaId, { tipo: "usuario", id: criado.usuarioId });
    expect(audit).toMatchObject({
      acao: "usuario.papel",
      detalhes: { campo: "papel", antes: "gestor", depois: "admin" },
    });
  });

  it("never lets an admin demote themselves, keeps a broker login a broker's, and finds nobody elsewhere", async () => {
    expect(await setLoginPapel(t.db, admin, "usr_admin", "gestor")).toEqual({
      kind: "recusado",
      mensagem: "Você não pode mudar o próprio papel.",
    });
    expect((await getUsuarioById(t.db, "usr_admin"))?.papel).toBe("admin");
    const caio = (await t.db.select().from(usuarios).where(eq(usuarios.email, "caio@a.test")))[0]!;
    expect(await setLoginPapel(t.db, admin, caio.id, "gestor")).toMatchObject({ kind: "recusado" });
    expect((await getUsuarioById(t.db, caio.id))?.papel).toBe("corretor");
    expect(await setLoginPapel(t.db, admin, "usr_admin_b", "gestor")).toEqual({ kind: "nao_encontrado" });
  });
});
