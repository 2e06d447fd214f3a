// Which rows a login may see, as plain data every query takes: the agency always, and for a
// broker login only their own broker id. Pure functions, so the rule is tested without a request.
import { AppError } from "@/lib/errors";
import type { Papel } from "@/lib/db/schema";
import type { SessionUser } from "./session-user";

export type Scope = {
  imobiliariaId: string;
  /** Set = only this broker's rows; null = the whole agency. */
  corretorId: string | null;
};

type ScopedUser = Pick<SessionUser, "papel" | "imobiliariaId" | "corretorId">;

export function hasRole(user: Pick<SessionUser, "papel">, roles: readonly Papel[]): boolean {
  return roles.includes(user.papel);
}

/** A `corretor` sees only their own rows; `gestor` and `admin` see the whole agency. */
export function scopeOf(user: ScopedUser): Scope {
  if (user.papel === "corretor") {
    // Never fall back to the agency: a broker login without its broker would see everybody's rows.
    if (!user.corretorId) throw new AppError("forbidden", "Login de corretor sem corretor vinculado");
    return { imobiliariaId: user.imobiliariaId, corretorId: user.corretorId };
  }
  return { imobiliariaId: user.imobiliariaId, corretorId: null };
}

/**
 * The scope after a "filter by broker" choice: a manager may narrow to any broker id (the query
 * still filters by agency, so another agency's id finds nothing); a broker's own scope never widens
 * nor moves to another broker, whatever was asked.
 */
export function narrowToCorretor(scope: Scope, requested: string | null | undefined): Scope {
  if (scope.corretorId) return scope;
  const corretorId = requested?.trim() || null;
  return { ...scope, corretorId };
}

/** Whether a row of `row.imobiliariaId`/`row.corretorId` is inside the scope (for single-row reads and actions). */
export function isInScope(scope: Scope, row: { imobiliariaId: string | null; corretorId: string | null }): boolean {
  if (row.imobiliariaId !== scope.imobiliariaId) return false;
  return scope.corretorId === null || row.corretorId === scope.corretorId;
}
