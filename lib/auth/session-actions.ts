"use server";
// Server actions behind the login form and the "Sair" button.
import { AuthError, CredentialsSignin } from "next-auth";
import { log } from "@/lib/log";
import { endCurrentSessions, LoginLockedError, signIn, signOut } from "./auth";
import { tooManyAttemptsMessage } from "./login-throttle";
import { HOME_PATH, LOGIN_PATH } from "./paths";

export type LoginState = { error: string | null; email: string };

// One message for an unknown e-mail, a wrong password and an inactive login: no user enumeration.
const INVALID = "E-mail ou senha inválidos";

export async function loginAction(_previous: LoginState, form: FormData): Promise<LoginState> {
  const email = String(form.get("email") ?? "").trim();
  const senha = String(form.get("senha") ?? "");
  if (!email || !senha) return { error: "Informe o e-mail e a senha.", email };
  try {
    // On success this throws Next's redirect, which must propagate (rethrown below).
    await signIn("credentials", { email, senha, redirectTo: HOME_PATH });
  } catch (err) {
    if (err instanceof LoginLockedError) return { error: tooManyAttemptsMessage(err.minutes), email };
    if (err instanceof CredentialsSignin) return { error: INVALID, email };
    if (err instanceof AuthError) {
      log.error("auth.login_error", { err });
      return { error: "Não foi possível entrar agora. Tente novamente em instantes.", email };
    }
    throw err;
  }
  return { error: null, email };
}

export async function logoutAction(): Promise<void> {
  // The cookie is deleted below, but a copy of it (another tab, a stolen one) must open nothing too.
  await endCurrentSessions();
  await signOut({ redirectTo: LOGIN_PATH });
}
