// requireSession/requireRole/requireScope against a real database; only Auth.js's cookie reading
// (`auth()`) is replaced, by a session the test sets.
import bcrypt from "bcryptjs";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { useDbForTests } from "@/lib/db/client";
import { insertCorretor } from "@/lib/db/testing/corretores";
import { insertImobiliaria } from "@/lib/db/queries/imobiliarias";
import { endUsuarioSessions, insertUsuario, setUsuarioAtivo, setUsuarioSenha } from "@/lib/db/queries/usuarios";
import { usuarios } from "@/lib/db/schema";
import { createTestDb, type TestDb } from "@/lib/db/test-db";

const session = vi.hoisted(() => ({ current: null as unknown }));
vi.mock("./auth", () => ({ auth: async () => session.current }));

const { getViewer, requireAccountSession, requireRole, requireScope, requireSession } = await import("./authorize");

let t: TestDb;
let agency: string;
let otherAgency: string;
let corretorId: string;
const ids = { admin: "usr_admin", gestor: "usr_gestor", corretor: "usr_corretor" };

beforeAll(async () => {
  t = await createTestDb();
  useDbForTests(t);
  agency = (await insertImobiliaria(t.db, { slug: "auth-a", nome: "Agência A" })).id;
  otherAgency = (await insertImobiliaria(t.db, { slug: "auth-b", nome: "Agência B" })).id;
  corretorId = (await insertCorretor(t.db, { imobiliariaId: agency, nome: "Carla", telefone: "+5511900010001" })).id;
  const senhaHash = bcrypt.hashSync("segredo", 4);
  await insertUsuario(t.db, {
    id: ids.admin,
    email: "admin@a.test",
    nome: "Ana Admin",
    senhaHash,
    papel: "admin",
    imobiliariaId: agency,
  });
  await insertUsuario(t.db, {
    id: ids.gestor,
    email: "gestor@a.test",
    nome: "Gil Gestor",
    senhaHash,
    papel: "gestor",
    imobiliariaId: agency,
  });
  await insertUsuario(t.db, {
    id: ids.corretor,
    email: "carla@a.test",
    nome: "Carla",
    senhaHash,
    papel: "corretor",
    imobiliariaId: agency,
    corretorId,
  });
});
afterAll(async () => {
  useDbForTests(null);
  await t?.cleanup();
});
beforeEach(async () => {
  session.current = null;
  await t.db.update(usuarios).set({ ativo: true, sessaoVersao: 1, senhaProvisoriaAte: null });
});

const tokenFor = (
  userId: string,
  papel: string,
  corretor: string | null = null,
  imobiliariaId = agency,
  sessaoVersao = 1,
) => ({
  user: { name: "x", userId, papel, imobiliariaId, corretorId: corretor, sessaoVersao },
  expires: new Date(Date.now() + 3600_000).toISOString(),
});

// Next's redirect()/notFound()/forbidden() throw errors whose digest says where to.
async function interruption(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (err) {
    return String((err as { digest?: string }).digest);
  }
  throw new Error("esperava um redirect ou notFound");
}

describe("requireSession", () => {
  it("redirects to /login without a session or with a malformed one", async () => {
    expect(await interruption(requireSession)).toMatch(/^NEXT_REDIRECT;replace;\/login;/);
    session.current = { user: { name: "sem campos" }, expires: "x" };
    expect(await interruption(requireSession)).toMatch(/^NEXT_REDIRECT;replace;\/login;/);
  });

  it("returns the user as the database has it", async () => {
    session.current = tokenFor(ids.gestor, "gestor");
    expect(await requireSession()).toEqual({
      userId: ids.gestor,
      papel: "gestor",
      imobiliariaId: agency,
      corretorId: null,
      nome: "Gil Gestor",
      email: "gestor@a.test",
      deveTrocarSenha: false,
    });
  });

  it("trusts the row over the token: a deactivated login is out at once, a changed role applies at once", async () => {
    session.current = tokenFor(ids.gestor, "admin"); // token says admin, row says gestor
    expect((await requireSession()).papel).toBe("gestor");
    await t.db.update(usuarios).set({ ativo: false }).where(eq(usuarios.id, ids.gestor));
    expect(await interruption(requireSession)).toMatch(/^NEXT_REDIRECT;replace;\/login;/);
    expect(await getViewer()).toBeNull();
  });

  it("rejects a token whose agency does not match the user's row, or a user that does not exist", async () => {
    session.current = tokenFor(ids.admin, "admin", null, otherAgency);
    expect(await getViewer()).toBeNull();
    session.current = tokenFor("usr_fantasma", "admin");
    expect(await getViewer()).toBeNull();
  });
});

describe("session version: a cookie ends with its sessions", () => {
  it("signing out ends every session of that login: the old cookie no longer opens the dashboard", async () => {
    const cookie = tokenFor(ids.gestor, "gestor");
    session.current = cookie;
    expect((await requireSession()).userId).toBe(ids.gestor);
    await endUsuarioSessions(t.db, ids.gestor);
    session.current = cookie;
    expect(await interruption(requireSession)).toMatch(/^NEXT_REDIRECT;replace;\/login;/);
    // A new login carries the new version and gets in; other logins were untouched.
    session.current = tokenFor(ids.gestor, "gestor", null, agency, 2);
    expect((await requireSession()).userId).toBe(ids.gestor);
    session.current = tokenFor(ids.admin, "admin");
    expect((await requireSession()).userId).toBe(ids.admin);
  });

  it("deactivating a login ends its sessions for good, even once it is active again", async () => {
    const cookie = tokenFor(ids.admin, "admin");
    await setUsuarioAtivo(t.db, agency, ids.admin, false);
    await setUsuarioAtivo(t.db, agency, ids.admin, true);
    session.current = cookie;
    expect(await getViewer()).toBeNull();
  });

  it("a new password ends the sessions opened with the old one", async () => {
    const cookie = tokenFor(ids.corretor, "corretor", corretorId);
    await setUsuarioSenha(t.db, agency, ids.corretor, {
      senhaHash: bcrypt.hashSync("nova-senha", 4),
      provisoriaAte: null,
    });
    session.current = cookie;
    expect(await getViewer()).toBeNull();
  });

  it("a cookie issued before session versions existed opens nothing", async () => {
    const { user, expires } = tokenFor(ids.gestor, "gestor");
    const { sessaoVersao: _sessaoVersao, ...withoutVersion } = user;
    session.current = { user: withoutVersion, expires };
    expect(await getViewer()).toBeNull();
  });
});

describe("a temporary password", () => {
  it("opens only /conta: every page and action is sent there until the login chooses its own", async () => {
    await t.db
      .update(usuarios)
      .set({ senhaProvisoriaAte: new Date(Date.now() + 3600_000) })
      .where(eq(usuarios.id, ids.admin));
    session.current = tokenFor(ids.admin, "admin");
    expect(await interruption(requireSession)).toMatch(/^NEXT_REDIRECT;replace;\/conta;/);
    expect(await interruption(() => requireRole("admin"))).toMatch(/^NEXT_REDIRECT;replace;\/conta;/);
    expect(await interruption(requireScope)).toMatch(/^NEXT_REDIRECT;replace;\/conta;/);
    expect((await requireAccountSession()).deveTrocarSenha).toBe(true);
    // Another login of the agency is untouched.
    session.current = tokenFor(ids.gestor, "gestor");
    expect((await requireSession()).deveTrocarSenha).toBe(false);
  });
});

describe("requireRole", () => {
  it("lets the listed roles through and answers 403 (the sem permissão page) to the others", async () => {
    session.current = tokenFor(ids.admin, "admin");
    expect((await requireRole("admin", "gestor")).userId).toBe(ids.admin);
    session.current = tokenFor(ids.corretor, "corretor", corretorId);
    expect(await interruption(() => requireRole("admin", "gestor"))).toBe("NEXT_HTTP_ERROR_FALLBACK;403");
  });

  it("still redirects to /login when nobody is logged in", async () => {
    expect(await interruption(() => requireRole("admin"))).toMatch(/^NEXT_REDIRECT;replace;\/login;/);
  });
});

describe("requireScope", () => {
  it("scopes a broker to their own rows, using the broker id from the row (not the token)", async () => {
    session.current = tokenFor(ids.corretor, "corretor", "cor_forjado");
    const { scope } = await requireScope();
    expect(scope).toEqual({ imobiliariaId: agency, corretorId });
  });

  it("gives managers and admins the whole agency", async () => {
    for (const [id, papel] of [
      [ids.gestor, "gestor"],
      [ids.admin, "admin"],
    ] as const) {
      session.current = tokenFor(id, papel);
      expect((await requireScope()).scope).toEqual({ imobiliariaId: agency, corretorId: null });
    }
  });
});
