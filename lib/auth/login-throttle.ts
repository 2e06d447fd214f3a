// The login limits, each counted atomically BEFORE the work it protects, so parallel attempts
// cannot all slip past a check that reads a count and later writes it:
// - per source (IP): every attempt, whatever the e-mail, before any lookup;
// - per e-mail + source: wrong passwords lock only that pair, for a time that doubles with each
//   lock (1, 2, 4 … 60 min), so a stranger cannot lock the owner out from elsewhere;
// - for the whole deployment: password checks per minute, so no flood can keep the CPUs hashing.
import { kvKeys } from "@/lib/kv/keys";
import type { LoginCounters } from "./login-counters";

export type LoginLimits = Readonly<{
  porIp: number;
  porContaEIp: number;
  verificacoesPorMinuto: number;
  primeiroBloqueioSegundos: number;
  maiorBloqueioSegundos: number;
}>;

export const LOGIN_LIMITS: LoginLimits = Object.freeze({
  /** Attempts from one source per 15 minutes (an office behind one address shares them). */
  porIp: 50,
  /** Attempts for one e-mail from one source before it locks. */
  porContaEIp: 5,
  /** Password checks per minute, all sources together. */
  verificacoesPorMinuto: 600,
  primeiroBloqueioSegundos: 60,
  maiorBloqueioSegundos: 60 * 60,
});

export type Refusal = { retryAfterSeconds: number };

/** Minutes to tell the user, never 0. */
export function retryMinutes(refusal: Refusal): number {
  return Math.max(1, Math.ceil(refusal.retryAfterSeconds / 60));
}

/** What the login form says to a refused attempt. */
export function tooManyAttemptsMessage(minutes: number): string {
  return `Muitas tentativas. Tente novamente em ${minutes} ${minutes === 1 ? "minuto" : "minutos"}.`;
}

/** The n-th lock of a pair (1-based) lasts this long. */
export function lockSeconds(n: number, limits: LoginLimits = LOGIN_LIMITS): number {
  const doubled = limits.primeiroBloqueioSegundos * 2 ** Math.min(Math.max(n - 1, 0), 16);
  return Math.min(doubled, limits.maiorBloqueioSegundos);
}

export type AttemptSlot = {
  /** The attempt's number among this pair's counted attempts (the last one may lock the pair). */
  count: number;
};

/** Takes this attempt's place under the source's and the pair's limits, or says how long to wait. */
export async function admitAttempt(
  counters: LoginCounters,
  email: string,
  ip: string,
  limits: LoginLimits = LOGIN_LIMITS,
): Promise<AttemptSlot | Refusal> {
  const porIp = kvKeys.tentativasLoginIp(ip);
  const fromIp = await counters.take(porIp, limits.porIp);
  if (!fromIp.allowed) return { retryAfterSeconds: await counters.secondsLeft(porIp.key) };
  const pair = kvKeys.falhasLogin(email, ip);
  const forPair = await counters.take(pair, limits.porContaEIp);
  if (!forPair.allowed) return { retryAfterSeconds: await counters.secondsLeft(pair.key) };
  return { count: forPair.count };
}

/** Takes one of the minute's password checks, or refuses until the next minute. */
export async function admitPasswordCheck(
  counters: LoginCounters,
  now: Date,
  limits: LoginLimits = LOGIN_LIMITS,
): Promise<Refusal | null> {
  const { allowed } = await counters.take(kvKeys.verificacoesSenha(now), limits.verificacoesPorMinuto);
  return allowed ? null : { retryAfterSeconds: 60 - now.getUTCSeconds() };
}

/**
 * Whether the minute's checks are spent, without taking one: an unknown e-mail is refused alike
 * then, so "busy" never tells an account that exists from one that does not.
 */
export async function passwordChecksSpent(
  counters: LoginCounters,
  now: Date,
  limits: LoginLimits = LOGIN_LIMITS,
): Promise<Refusal | null> {
  const used = await counters.peek(kvKeys.verificacoesSenha(now).key);
  return used >= limits.verificacoesPorMinuto ? { retryAfterSeconds: 60 - now.getUTCSeconds() } : null;
}

/** After a wrong password: the attempt that used the pair's last slot locks it, for longer each time. */
export async function recordLoginFailure(
  counters: LoginCounters,
  email: string,
  ip: string,
  slot: AttemptSlot,
  limits: LoginLimits = LOGIN_LIMITS,
): Promise<void> {
  if (slot.count < limits.porContaEIp) return;
  const { count: locks } = await counters.take(kvKeys.bloqueiosLogin(email, ip), 1_000_000);
  await counters.hold(kvKeys.falhasLogin(email, ip).key, limits.porContaEIp, lockSeconds(locks, limits));
}

/** After the right password: the pair starts afresh, and the attempt does not count against the source. */
export async function recordLoginSuccess(counters: LoginCounters, email: string, ip: string): Promise<void> {
  await counters.clear(kvKeys.falhasLogin(email, ip).key, kvKeys.bloqueiosLogin(email, ip).key);
  await counters.giveBack(kvKeys.tentativasLoginIp(ip).key);
}
