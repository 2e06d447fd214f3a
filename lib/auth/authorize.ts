// The one door every dashboard page and server action goes through: who is logged in (checked
// against the `usuarios` row on each request, not only the cookie), with which role, and which rows
// they may see. Pages never call auth() themselves.
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/lib/db/client";
import { getUsuarioById } from "@/lib/db/queries/usuarios";
import type { Papel } from "@/lib/db/schema";
import { auth } from "./auth";
import { CONTA_PATH, LOGIN_PATH } from "./paths";
import { hasRole, scopeOf, type Scope } from "./scope";
import { readSessionUser, readSessionVersion, sessionUserOf, type SessionUser } from "./session-user";

export { CONTA_PATH, HOME_PATH, LOGIN_PATH } from "./paths";
export { hasRole, isInScope, narrowToCorretor, scopeOf, type Scope } from "./scope";

export type Viewer = SessionUser & {
  nome: string;
  email: string;
  /** Logged in with a temporary password (lib/auth/senha-provisoria.ts): only /conta opens until it is changed. */
  deveTrocarSenha: boolean;
};

/**
 * The logged-in user, or null. The row, not the token, is the truth: a login deactivated or a role
 * changed applies on the next request, not when the 12-hour cookie expires, and a cookie issued
 * before the row's session version (signed out, deactivated, new password) opens nothing. The same
 * row read does both. Cached per request, so the layout and the page share one lookup.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const sessionUser = (await auth())?.user;
  const fromToken = readSessionUser(sessionUser);
  const version = readSessionVersion(sessionUser);
  if (!fromToken || version === null) return null;
  const { db } = await getDb();
  const usuario = await getUsuarioById(db, fromToken.userId);
  if (!usuario || usuario.imobiliariaId !== fromToken.imobiliariaId) return null;
  if (usuario.sessaoVersao !== version) return null;
  const user = sessionUserOf(usuario);
  return user ? { ...user, deveTrocarSenha: usuario.senhaProvisoriaAte !== null } : null;
});

/**
 * The logged-in user; without one, a redirect to the login page (also from a server action). A login
 * still on a temporary password is sent to /conta to choose its own: every page and action waits.
 */
export async function requireSession(): Promise<Viewer> {
  const viewer = await requireAccountSession();
  if (viewer.deveTrocarSenha) redirect(CONTA_PATH);
  return viewer;
}

/** The logged-in user, even on a temporary password: for the shell and for /conta, where it is changed. */
export async function requireAccountSession(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect(LOGIN_PATH);
  return viewer;
}

/**
 * The logged-in user when their role is one of `roles`; otherwise the "sem permissão" page (403,
 * app/forbidden.tsx). Pages' names are no secret; rows are, so a row outside the scope stays a 404.
 */
export async function requireRole(...roles: Papel[]): Promise<Viewer> {
  const viewer = await requireSession();
  if (!hasRole(viewer, roles)) forbidden();
  return viewer;
}

/** The logged-in user and the rows they may see. */
export async function requireScope(): Promise<{ viewer: Viewer; scope: Scope }> {
  const viewer = await requireSession();
  return { viewer, scope: scopeOf(viewer) };
}
