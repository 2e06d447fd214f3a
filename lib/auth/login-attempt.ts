// One login attempt, start to end: limits first (nothing is looked up or hashed past them), then
// the account, then the password check off the main thread. Every failure answers alike, and an
// unknown e-mail waits as long as a check instead of running one.
import type { Db } from "@/lib/db/client";
import { getUsuarioByEmailWithHash, recordUsuarioLogin } from "@/lib/db/queries/usuarios";
import type { LoginCounters } from "./login-counters";
import {
  admitAttempt,
  admitPasswordCheck,
  LOGIN_LIMITS,
  passwordChecksSpent,
  recordLoginFailure,
  recordLoginSuccess,
  type LoginLimits,
  type Refusal,
} from "./login-throttle";
import type { PasswordChecker } from "./password";
import { senhaProvisoriaVencida } from "./senha-provisoria";
import { sessionUserOf } from "./session-user";
import { credentialsSchema, type LoginResult } from "./credentials";

export type LoginAttemptDeps = {
  db: Db;
  counters: LoginCounters;
  password: PasswordChecker;
  now: () => Date;
  /** LOGIN_LIMITS unless a test narrows them. */
  limits?: LoginLimits;
};

export type LoginOutcome =
  { ok: true; user: LoginResult } | { ok: false; reason: "invalida" } | ({ ok: false; reason: "bloqueada" } & Refusal);

const INVALID = { ok: false, reason: "invalida" } as const;
const refused = (refusal: Refusal): LoginOutcome => ({ ok: false, reason: "bloqueada", ...refusal });
const isRefusal = (value: object): value is Refusal => "retryAfterSeconds" in value;

export async function attemptLogin(
  deps: LoginAttemptDeps,
  input: { email?: unknown; senha?: unknown },
  ip: string,
): Promise<LoginOutcome> {
  const { counters, limits = LOGIN_LIMITS } = deps;
  const parsed = credentialsSchema.safeParse(input);
  // Malformed input costs nothing, but still counts against the source.
  const email = parsed.success ? parsed.data.email : "";
  const slot = await admitAttempt(counters, email, ip, limits);
  if (isRefusal(slot)) return refused(slot);
  if (!parsed.success) return INVALID;

  const usuario = await getUsuarioByEmailWithHash(deps.db, email);
  if (!usuario) {
    const busy = await passwordChecksSpent(counters, deps.now(), limits);
    if (busy) return refused(busy);
    await deps.password.waitLikeCompare();
    // Locks as a known e-mail would, so not even the lock's length tells them apart.
    await recordLoginFailure(counters, email, ip, slot, limits);
    return INVALID;
  }
  const busy = await admitPasswordCheck(counters, deps.now(), limits);
  if (busy) return refused(busy);

  const matches = await deps.password.compare(parsed.data.senha, usuario.senhaHash);
  // An expired temporary password is as wrong as any other: the admin resets it again.
  const user =
    matches && !senhaProvisoriaVencida(usuario.senhaProvisoriaAte, deps.now()) ? sessionUserOf(usuario) : null;
  if (!user) {
    await recordLoginFailure(counters, email, ip, slot, limits);
    return INVALID;
  }
  await recordLoginSuccess(counters, email, ip);
  await recordUsuarioLogin(deps.db, usuario.id, deps.now());
  return { ok: true, user: { ...user, sessaoVersao: usuario.sessaoVersao } };
}
