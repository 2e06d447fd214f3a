// One login attempt against a real database and the configured KV (memory, or Redis with
// REDIS_URL), with the real native bcrypt: only a counting wrapper around the password checker,
// to see how many checks the limits let through.
import { randomBytes } from "node:crypto";
import bcryptjs from "bcryptjs";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertCorretor } from "@/lib/db/testing/corretores";
import { insertImobiliaria } from "@/lib/db/queries/imobiliarias";
import { insertUsuario } from "@/lib/db/queries/usuarios";
import { usuarios } from "@/lib/db/schema";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { getKv } from "@/lib/kv";
import { kvKeys } from "@/lib/kv/keys";
import { attemptLogin, type LoginOutcome } from "./login-attempt";
import { createLoginCounters } from "./login-counters";
import { LOGIN_LIMITS, type LoginLimits } from "./login-throttle";
import { createPasswordChecker, type PasswordChecker } from "./password";

let t: TestDb;
let agency: string;
let corretorId: string;
const SENHA = "Corretor#2026";
// Redis outlives a run: each run logs in from its own addresses.
const run = randomBytes(3).toString("hex");
let ips = 0;
const newIp = () => `198.51.${run}.${++ips}`;

beforeAll(async () => {
  t = await createTestDb();
  agency = (await insertImobiliaria(t.db, { slug: "login-a", nome: "Agência" })).id;
  corretorId = (await insertCorretor(t.db, { imobiliariaId: agency, nome: "Carla", telefone: "+5511900010001" })).id;
  // Hashes as bcryptjs (the demo seed) writes them: native bcrypt must accept them.
  const senhaHash = bcryptjs.hashSync(SENHA, 4);
  await insertUsuario(t.db, {
    id: "usr_c",
    email: "Corretor@Horizonte.demo",
    nome: "Carla",
    senhaHash,
    papel: "corretor",
    imobiliariaId: agency,
    corretorId,
  });
  await insertUsuario(t.db, {
    id: "usr_g",
    email: "gestor@horizonte.demo",
    nome: "Gil",
    senhaHash: senhaHash.replace(/^\$2b\$/, "$2a$"),
    papel: "gestor",
    imobiliariaId: agency,
  });
  await insertUsuario(t.db, {
    id: "usr_inativo",
    email: "inativo@horizonte.demo",
    nome: "Ivo",
    senhaHash,
    papel: "gestor",
    imobiliariaId: agency,
    ativo: false,
  });
});
afterAll(async () => {
  await t?.cleanup();
});

/** The real checker, counting what it is asked to do. */
function countingChecker() {
  const real = createPasswordChecker();
  const calls = { compare: 0, wait: 0 };
  const checker: PasswordChecker = {
    compare: (senha, hash) => (calls.compare++, real.compare(senha, hash)),
    waitLikeCompare: () => (calls.wait++, real.waitLikeCompare()),
  };
  return { checker, calls };
}

// Each test counts password checks in its own clock minute, so the global limit of one test does not spend another's.
let minutes = 0;
function setup(limits?: LoginLimits) {
  const at = new Date(Date.UTC(2031, 0, 1, 0, ++minutes + Math.floor(Math.random() * 500_000)));
  const now = () => at;
  const { checker, calls } = countingChecker();
  const deps = {
    db: t.db,
    counters: createLoginCounters({ kv: getKv(), db: t.db, now }),
    password: checker,
    now,
    limits,
  };
  return { deps, calls, now };
}

const okUser = (outcome: LoginOutcome) => (outcome.ok ? outcome.user.userId : null);

describe("attemptLogin: the answer", () => {
  it("accepts the right password whatever the e-mail's case and spacing, stamps ultimo_login_em and hands out the session version", async () => {
    const { deps, now } = setup();
    const outcome = await attemptLogin(deps, { email: "  CORRETOR@horizonte.DEMO ", senha: SENHA }, newIp());
    expect(outcome).toEqual({
      ok: true,
      user: {
        userId: "usr_c",
        papel: "corretor",
        imobiliariaId: agency,
        corretorId,
        nome: "Carla",
        email: "corretor@horizonte.demo",
        sessaoVersao: 1,
      },
    });
    const [row] = await t.db.select().from(usuarios).where(eq(usuarios.id, "usr_c"));
    expect(row?.ultimoLoginEm?.toISOString()).toBe(now().toISOString());
    // A $2a$ hash (older bcryptjs) is read too.
    expect(okUser(await attemptLogin(deps, { email: "gestor@horizonte.demo", senha: SENHA }, newIp()))).toBe("usr_g");
  });

  it("answers alike for a wrong password, an unknown e-mail and an inactive login, without stamping", async () => {
    const { deps } = setup();
    const before = await t.db.select({ id: usuarios.id, at: usuarios.ultimoLoginEm }).from(usuarios);
    expect(await attemptLogin(deps, { email: "corretor@horizonte.demo", senha: "corretor#2026" }, newIp())).toEqual({
      ok: false,
      reason: "invalida",
    });
    expect(await attemptLogin(deps, { email: "ninguem@horizonte.demo", senha: SENHA }, newIp())).toEqual({
      ok: false,
      reason: "invalida",
    });
    expect(await attemptLogin(deps, { email: "inativo@horizonte.demo", senha: SENHA }, newIp())).toEqual({
      ok: false,
      reason: "invalida",
    });
    expect(await t.db.select({ id: usuarios.id, at: usuarios.ultimoLoginEm }).from(usuarios)).toEqual(before);
  });

  it("lets a temporary password in until its instant, and answers like a wrong password after it", async () => {
    const { deps, now } = setup();
    await insertUsuario(t.db, {
      id: "usr_provisoria",
      email: "provisoria@horizonte.demo",
      nome: "Paula",
      senhaHash: bcryptjs.hashSync(SENHA, 4),
      papel: "gestor",
      imobiliariaId: agency,
      senhaProvisoriaAte: new Date(now().getTime() + 60_000),
    });
    const entrar = () => attemptLogin(deps, { email: "provisoria@horizonte.demo", senha: SENHA }, newIp());
    expect(okUser(await entrar())).toBe("usr_provisoria");
    await t.db.update(usuarios).set({ senhaProvisoriaAte: now() }).where(eq(usuarios.id, "usr_provisoria"));
    expect(await entrar()).toEqual({ ok: false, reason: "invalida" });
  });

  it("refuses malformed input instead of throwing, and a password longer than bcrypt reads", async () => {
    const { deps } = setup();
    for (const input of [{}, { email: "corretor@horizonte.demo" }, { email: 1, senha: 2 }, { email: "x", senha: "" }]) {
      expect(await attemptLogin(deps, input, newIp())).toEqual({ ok: false, reason: "invalida" });
    }
    // bcrypt only reads 72 bytes: a longer password that starts with the real one must not pass.
    expect(
      (await attemptLogin(deps, { email: "corretor@horizonte.demo", senha: `${SENHA}${"x".repeat(80)}` }, newIp())).ok,
    ).toBe(false);
  });

  it("never hashes for an unknown e-mail: it waits like a check instead", async () => {
    const { deps, calls } = setup();
    const outcomes = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        attemptLogin(deps, { email: `ninguem${i}@horizonte.demo`, senha: "x" }, newIp()),
      ),
    );
    expect(outcomes.every((o) => !o.ok && o.reason === "invalida")).toBe(true);
    expect(calls).toEqual({ compare: 0, wait: 40 });
  });
});

describe("attemptLogin: attempts counted before the check", () => {
  it("60 parallel attempts on one account from one source: at most the limit are checked, the right password as attempt 45 does not log in", async () => {
    const { deps, calls } = setup();
    const ip = newIp();
    const outcomes = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        attemptLogin(deps, { email: "corretor@horizonte.demo", senha: i === 44 ? SENHA : `errada-${i}` }, ip),
      ),
    );
    expect(calls.compare).toBeLessThanOrEqual(LOGIN_LIMITS.porContaEIp);
    expect(okUser(outcomes[44]!)).toBeNull();
    expect(outcomes.filter((o) => !o.ok && o.reason === "bloqueada").length).toBeGreaterThanOrEqual(
      60 - LOGIN_LIMITS.porContaEIp,
    );
  });

  it("400 at once: still at most the limit checked", async () => {
    const { deps, calls } = setup();
    const ip = newIp();
    await Promise.all(
      Array.from({ length: 400 }, (_, i) =>
        attemptLogin(deps, { email: "gestor@horizonte.demo", senha: `errada-${i}` }, ip),
      ),
    );
    expect(calls.compare).toBeLessThanOrEqual(LOGIN_LIMITS.porContaEIp);
  });

  it("one source trying many e-mails is stopped by its own limit before any lookup", async () => {
    const { deps, calls } = setup();
    const ip = newIp();
    const outcomes = await Promise.all(
      Array.from({ length: 80 }, (_, i) =>
        attemptLogin(deps, { email: `varredura${i}@horizonte.demo`, senha: "x" }, ip),
      ),
    );
    expect(calls.wait).toBe(LOGIN_LIMITS.porIp);
    expect(outcomes.filter((o) => !o.ok && o.reason === "bloqueada")).toHaveLength(80 - LOGIN_LIMITS.porIp);
  });

  it("successful logins do not use up the source's limit (an office behind one address)", async () => {
    const { deps } = setup();
    const ip = newIp();
    for (let i = 0; i < LOGIN_LIMITS.porIp + 10; i++) {
      expect(okUser(await attemptLogin(deps, { email: "gestor@horizonte.demo", senha: SENHA }, ip))).toBe("usr_g");
    }
  });

  it("the deployment-wide limit stops password checks, and refuses unknown e-mails alike meanwhile", async () => {
    const limits = { ...LOGIN_LIMITS, verificacoesPorMinuto: 3 };
    const { deps, calls } = setup(limits);
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        attemptLogin(deps, { email: "corretor@horizonte.demo", senha: `errada-${i}` }, newIp()),
      ),
    );
    expect(calls.compare).toBe(3);
    expect(outcomes.filter((o) => !o.ok && o.reason === "bloqueada")).toHaveLength(17);
    // While spent, an unknown e-mail gets the same answer as a known one, and no check runs.
    expect(await attemptLogin(deps, { email: "ninguem@horizonte.demo", senha: "x" }, newIp())).toMatchObject({
      ok: false,
      reason: "bloqueada",
    });
    expect(calls.compare).toBe(3);
  });
});

describe("attemptLogin: locks per e-mail and source", () => {
  it("a stranger's wrong passwords lock only their own source; the owner elsewhere still gets in", async () => {
    const { deps } = setup();
    const stranger = newIp();
    for (let i = 0; i < LOGIN_LIMITS.porContaEIp; i++) {
      expect(await attemptLogin(deps, { email: "corretor@horizonte.demo", senha: `chute-${i}` }, stranger)).toEqual({
        ok: false,
        reason: "invalida",
      });
    }
    const locked = await attemptLogin(deps, { email: "corretor@horizonte.demo", senha: SENHA }, stranger);
    expect(locked).toMatchObject({ ok: false, reason: "bloqueada" });
    expect(okUser(await attemptLogin(deps, { email: "corretor@horizonte.demo", senha: SENHA }, newIp()))).toBe("usr_c");
  });

  it("each new lock of the same pair lasts longer (1 min, then 2 min)", async () => {
    const { deps } = setup();
    const ip = newIp();
    const lockOnce = async () => {
      for (let i = 0; i < LOGIN_LIMITS.porContaEIp; i++)
        await attemptLogin(deps, { email: "gestor@horizonte.demo", senha: `chute-${i}` }, ip);
      const outcome = await attemptLogin(deps, { email: "gestor@horizonte.demo", senha: SENHA }, ip);
      if (outcome.ok || outcome.reason !== "bloqueada")
        throw new Error(`esperava bloqueio, veio ${JSON.stringify(outcome)}`);
      return outcome.retryAfterSeconds;
    };
    const first = await lockOnce();
    expect(first).toBeGreaterThan(50);
    expect(first).toBeLessThanOrEqual(60);
    // The first lock runs out (its key expires)…
    await deps.counters.clear(kvKeys.falhasLogin("gestor@horizonte.demo", ip).key);
    const second = await lockOnce();
    expect(second).toBeGreaterThan(60);
    expect(second).toBeLessThanOrEqual(120);
  });

  it("an unknown e-mail locks exactly like a known one (the lock tells nothing)", async () => {
    const { deps } = setup();
    const ip = newIp();
    for (let i = 0; i < LOGIN_LIMITS.porContaEIp; i++)
      await attemptLogin(deps, { email: "ninguem@horizonte.demo", senha: `chute-${i}` }, ip);
    const outcome = await attemptLogin(deps, { email: "ninguem@horizonte.demo", senha: "x" }, ip);
    expect(outcome).toMatchObject({ ok: false, reason: "bloqueada" });
    expect(outcome.ok === false && outcome.reason === "bloqueada" && outcome.retryAfterSeconds).toBeLessThanOrEqual(60);
  });
});
