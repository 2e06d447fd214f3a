// Slows password guessing: after MAX_FAILURES wrong passwords for one e-mail, that e-mail is locked
// for the rest of a 15-minute window. Counted per e-mail whether or not it has an account, so the
// lock itself reveals nothing. A KV outage must not lock everybody out: then the check is skipped.
import type { Kv } from "@/lib/kv";
import { kvKeys } from "@/lib/kv/keys";
import { log } from "@/lib/log";

export const MAX_LOGIN_FAILURES = 10;

export async function isLoginLocked(kv: Kv, email: string): Promise<boolean> {
  try {
    const count = Number((await kv.get(kvKeys.falhasLogin(email).key)) ?? 0);
    return count >= MAX_LOGIN_FAILURES;
  } catch (err) {
    log.warn("auth.throttle_unavailable", { err });
    return false;
  }
}

export async function recordLoginFailure(kv: Kv, email: string): Promise<void> {
  const { key, ttlSeconds } = kvKeys.falhasLogin(email);
  try {
    await kv.incrementIfBelow(key, 1_000_000, ttlSeconds);
  } catch (err) {
    log.warn("auth.throttle_unavailable", { err });
  }
}

export async function clearLoginFailures(kv: Kv, email: string): Promise<void> {
  try {
    await kv.del(kvKeys.falhasLogin(email).key);
  } catch (err) {
    log.warn("auth.throttle_unavailable", { err });
  }
}
