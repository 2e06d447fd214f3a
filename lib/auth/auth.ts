// Auth.js (next-auth v5): e-mail + password against `usuarios`, sessions as signed and encrypted JWT
// cookies carrying { userId, papel, imobiliariaId, corretorId, sessaoVersao }. Pages and actions never read the
// session directly: they go through lib/auth/authorize.ts.
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/lib/db/client";
import { endUsuarioSessions } from "@/lib/db/queries/usuarios";
import { env } from "@/lib/env";
import { getKv } from "@/lib/kv";
import { log } from "@/lib/log";
import { resolveAuthSecret } from "./auth-secret";
import { clientIpOf } from "./client-ip";
import { attemptLogin } from "./login-attempt";
import { createLoginCounters } from "./login-counters";
import { retryMinutes } from "./login-throttle";
import { createPasswordChecker } from "./password";
import { readSessionUser, readSessionVersion } from "./session-user";

/** Too many attempts from this source (or for this e-mail from it): the form says how long to wait. */
export class LoginLockedError extends CredentialsSignin {
  code = "bloqueado";
  constructor(readonly minutes: number) {
    super();
  }
}

// A working day; the dashboard re-checks the user row and its session version on every request.
const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

// One per process: its moving average of check times is what unknown e-mails wait.
const password = createPasswordChecker();

async function authorizeCredentials(raw: Partial<Record<string, unknown>>, request: Request) {
  const { db } = await getDb();
  const now = () => new Date();
  const counters = createLoginCounters({ kv: getKv(), db, now });
  const ip = clientIpOf(request.headers, env.trustedProxyHops);
  const outcome = await attemptLogin({ db, counters, password, now }, raw, ip);
  if (outcome.ok) {
    log.info("auth.login", { userId: outcome.user.userId, papel: outcome.user.papel });
    const { nome, ...sessionUser } = outcome.user;
    return { id: outcome.user.userId, name: nome, ...sessionUser };
  }
  // The e-mail goes through the logger, which masks it.
  const email = typeof raw.email === "string" ? raw.email : "";
  if (outcome.reason === "bloqueada") {
    log.warn("auth.login_locked", { email, retryAfterSeconds: outcome.retryAfterSeconds });
    throw new LoginLockedError(retryMinutes(outcome));
  }
  log.info("auth.login_failed", { email });
  return null;
}

/** Ends every session of the signed-in user (their cookies anywhere open nothing any more). */
export async function endCurrentSessions(): Promise<void> {
  const user = readSessionUser((await auth())?.user);
  if (!user) return;
  const { db } = await getDb();
  await endUsuarioSessions(db, user.userId);
  log.info("auth.logout", { userId: user.userId });
}

function buildConfig(): NextAuthConfig {
  return {
    secret: resolveAuthSecret({ configured: env.authSecret, dataDir: env.dataDir }),
    // Self-hosted (`npm start`) or behind a proxy: the Host header names the instance.
    trustHost: true,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      Credentials({
        credentials: { email: { label: "E-mail", type: "email" }, senha: { label: "Senha", type: "password" } },
        authorize: authorizeCredentials,
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        const fromLogin = user ? readSessionUser(user) : null;
        const sessaoVersao = user ? readSessionVersion(user) : null;
        return fromLogin && sessaoVersao !== null ? { ...token, ...fromLogin, sessaoVersao } : token;
      },
      session({ session, token }) {
        const sessionUser = readSessionUser(token);
        const sessaoVersao = readSessionVersion(token);
        if (!sessionUser || sessaoVersao === null) return session;
        return { ...session, user: { ...session.user, ...sessionUser, sessaoVersao } };
      },
    },
    logger: {
      error(error) {
        // A wrong password is logged above as auth.login_failed; it is not an error.
        if (error instanceof CredentialsSignin) return;
        log.error("auth.error", { err: error });
      },
      warn(code) {
        log.warn("auth.warning", { code });
      },
      debug() {},
    },
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => buildConfig());
