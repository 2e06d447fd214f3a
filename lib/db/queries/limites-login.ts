// The `limites_login` counters: the Postgres copy of the login limits, used while the KV is down
// (lib/auth/login-counters.ts). Same semantics as the KV's incrementIfBelow: one atomic statement.
import { and, eq, gt, inArray, sql } from "drizzle-orm";
import type { Db } from "../client";
import { limitesLogin } from "../schema";

const expiresAt = (now: Date, ttlSeconds: number) => new Date(now.getTime() + ttlSeconds * 1000);

/**
 * Counts one more under `chave` while the live count is below `limit` (an expired row starts over);
 * the row lock of ON CONFLICT makes concurrent callers take distinct slots.
 */
export async function incrementLimiteLogin(
  db: Db,
  chave: string,
  limit: number,
  ttlSeconds: number,
  now: Date,
): Promise<{ allowed: boolean; count: number }> {
  const expired = sql`${limitesLogin.expiraEm} <= ${now.toISOString()}::timestamptz`;
  const [row] = await db
    .insert(limitesLogin)
    .values({ chave, contagem: 1, expiraEm: expiresAt(now, ttlSeconds) })
    .onConflictDoUpdate({
      target: limitesLogin.chave,
      set: {
        contagem: sql`case when ${expired} then 1 else ${limitesLogin.contagem} + 1 end`,
        expiraEm: sql`case when ${expired} then excluded.expira_em else ${limitesLogin.expiraEm} end`,
      },
      setWhere: sql`${expired} or ${limitesLogin.contagem} < ${limit}`,
    })
    .returning({ contagem: limitesLogin.contagem });
  if (row) return { allowed: true, count: row.contagem };
  return { allowed: false, count: await getLimiteLogin(db, chave, now) };
}

/** The live count under `chave` (0 when missing or expired). */
export async function getLimiteLogin(db: Db, chave: string, now: Date): Promise<number> {
  const [row] = await db
    .select({ contagem: limitesLogin.contagem })
    .from(limitesLogin)
    .where(and(eq(limitesLogin.chave, chave), gt(limitesLogin.expiraEm, now)));
  return row?.contagem ?? 0;
}

/** Seconds until `chave` expires; 0 when missing or expired. */
export async function getLimiteLoginSecondsLeft(db: Db, chave: string, now: Date): Promise<number> {
  const [row] = await db
    .select({ expiraEm: limitesLogin.expiraEm })
    .from(limitesLogin)
    .where(and(eq(limitesLogin.chave, chave), gt(limitesLogin.expiraEm, now)));
  return row ? Math.ceil((row.expiraEm.getTime() - now.getTime()) / 1000) : 0;
}

/** Sets `chave` to `contagem` for `ttlSeconds` from now, whatever it held. */
export async function setLimiteLogin(
  db: Db,
  chave: string,
  contagem: number,
  ttlSeconds: number,
  now: Date,
): Promise<void> {
  const expiraEm = expiresAt(now, ttlSeconds);
  await db
    .insert(limitesLogin)
    .values({ chave, contagem, expiraEm })
    .onConflictDoUpdate({ target: limitesLogin.chave, set: { contagem, expiraEm } });
}

/** Gives one slot back (never below 0). */
export async function decrementLimiteLogin(db: Db, chave: string): Promise<void> {
  await db
    .update(limitesLogin)
    .set({ contagem: sql`greatest(${limitesLogin.contagem} - 1, 0)` })
    .where(eq(limitesLogin.chave, chave));
}

export async function deleteLimitesLogin(db: Db, chaves: string[]): Promise<void> {
  if (chaves.length === 0) return;
  await db.delete(limitesLogin).where(inArray(limitesLogin.chave, chaves));
}
