// The login limits with the KV down: a real Redis client pointed at a closed port, so the counters
// fall back to Postgres (PGlite, or the server at DATABASE_URL) and the limits still hold.
import { randomBytes } from "node:crypto";
import bcryptjs from "bcryptjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertImobiliaria } from "@/lib/db/queries/imobiliarias";
import { insertUsuario } from "@/lib/db/queries/usuarios";
import { limitesLogin } from "@/lib/db/schema";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { createKv, type Kv } from "@/lib/kv";
import { attemptLogin } from "./login-attempt";
import { createLoginCounters } from "./login-counters";
import { LOGIN_LIMITS } from "./login-throttle";
import { createPasswordChecker, type PasswordChecker } from "./password";

let t: TestDb;
let downKv: Kv;
const SENHA = "Gestor#2026";
const run = randomBytes(3).toString("hex");
let ips = 0;
const newIp = () => `192.0.${run}.${++ips}`;

beforeAll(async () => {
  t = await createTestDb();
  const agency = (await insertImobiliaria(t.db, { slug: "login-pg", nome: "Agência" })).id;
  await insertUsuario(t.db, {
    id: "usr_g",
    email: "gestor@fallback.demo",
    nome: "Gil",
    senhaHash: bcryptjs.hashSync(SENHA, 4),
    papel: "gestor",
    imobiliariaId: agency,
  });
  // Port 1: nothing listens there, so every command fails as in a Redis outage.
  downKv = createKv({ driver: "redis", redisUrl: "redis://127.0.0.1:1", timeoutMs: 300 });
});
afterAll(async () => {
  await downKv?.close().catch(() => undefined);
  await t?.cleanup();
});

function countingChecker() {
  const real = createPasswordChecker();
  const calls = { compare: 0 };
  const checker: PasswordChecker = {
    compare: (s, h) => (calls.compare++, real.compare(s, h)),
    waitLikeCompare: () => real.waitLikeCompare(),
  };
  return { checker, calls };
}

describe("login limits with Redis down", () => {
  it("still count before the check, in Postgres: 400 parallel guesses get at most the limit of checks, the right one among them does not get in", async () => {
    const { checker, calls } = countingChecker();
    const now = () => new Date();
    const deps = { db: t.db, counters: createLoginCounters({ kv: downKv, db: t.db, now }), password: checker, now };
    const ip = newIp();
    const outcomes = await Promise.all(
      Array.from({ length: 400 }, (_, i) =>
        attemptLogin(deps, { email: "gestor@fallback.demo", senha: i === 44 ? SENHA : `errada-${i}` }, ip),
      ),
    );
    expect(calls.compare).toBeLessThanOrEqual(LOGIN_LIMITS.porContaEIp);
    expect(outcomes[44]!.ok).toBe(false);
    expect((await t.db.select().from(limitesLogin)).length).toBeGreaterThan(0);
    // Locked for this source, open for the owner elsewhere.
    expect(await attemptLogin(deps, { email: "gestor@fallback.demo", senha: SENHA }, ip)).toMatchObject({
      ok: false,
      reason: "bloqueada",
    });
    expect((await attemptLogin(deps, { email: "gestor@fallback.demo", senha: SENHA }, newIp())).ok).toBe(true);
  });
});

describe("the Postgres counters", () => {
  it("count up to the limit, start over once expired, hold a lock from now, give a slot back", async () => {
    let clock = new Date("2031-05-01T12:00:00Z");
    const counters = createLoginCounters({ kv: downKv, db: t.db, now: () => clock });
    const entry = { key: `teste:${run}`, ttlSeconds: 60 };
    expect(await counters.take(entry, 2)).toEqual({ allowed: true, count: 1 });
    expect(await counters.take(entry, 2)).toEqual({ allowed: true, count: 2 });
    expect(await counters.take(entry, 2)).toEqual({ allowed: false, count: 2 });
    expect(await counters.secondsLeft(entry.key)).toBe(60);
    clock = new Date(clock.getTime() + 61_000);
    expect(await counters.peek(entry.key)).toBe(0);
    expect(await counters.take(entry, 2)).toEqual({ allowed: true, count: 1 });
    await counters.giveBack(entry.key);
    expect(await counters.peek(entry.key)).toBe(0);
    await counters.hold(entry.key, 2, 300);
    expect(await counters.take(entry, 2)).toEqual({ allowed: false, count: 2 });
    expect(await counters.secondsLeft(entry.key)).toBe(300);
    await counters.clear(entry.key);
    expect(await counters.peek(entry.key)).toBe(0);
  });
});
