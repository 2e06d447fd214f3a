// Auth.js (next-auth v5): e-mail + password against `usuarios`, sessions as signed and encrypted JWT
// cookies carrying { userId, papel, imobiliariaId, corretorId }. Pages and actions never read the
// session directly: they go through lib/auth/authorize.ts.
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { getKv } from "@/lib/kv";
import { log } from "@/lib/log";
import { resolveAuthSecret } from "./auth-secret";
import { clearLoginFailures, isLoginLocked, recordLoginFailure } from "./login-throttle";
import { readSessionUser } from "./session-user";
import { credentialsSchema, verifyCredentials } from "./verify-credentials";

/** Too many wrong passwords for this e-mail: the form says so instead of "invalid". */
export class LoginLockedError extends CredentialsSignin {
  code = "bloqueado";
}

// A working day; the dashboard re-checks the user row on every request anyway (requireSession).
const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

async function authorizeCredentials(raw: Partial<Record<string, unknown>>) {
  const email = credentialsSchema.shape.email.safeParse(raw.email);
  if (!email.success) return null;
  const kv = getKv();
  if (await isLoginLocked(kv, email.data)) {
    log.warn("auth.login_locked", { email: email.data });
    throw new LoginLockedError();
  }
  const { db } = await getDb();
  const result = await verifyCredentials(db, raw, new Date());
  if (!result) {
    await recordLoginFailure(kv, email.data);
    log.info("auth.login_failed", { email: email.data });
    return null;
  }
  await clearLoginFailures(kv, email.data);
  log.info("auth.login", { userId: result.userId, papel: result.papel });
  const { nome, ...sessionUser } = result;
  const user = { id: result.userId, name: nome, ...sessionUser };
  return user;
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
        return fromLogin ? { ...token, ...fromLogin } : token;
      },
      session({ session, token }) {
        const sessionUser = readSessionUser(token);
        return sessionUser ? { ...session, user: { ...session.user, ...sessionUser } } : session;
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
