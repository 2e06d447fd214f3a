// The dashboard's login. A visitor who already has a valid session goes straight in.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form-client";
import { getViewer, HOME_PATH } from "@/lib/auth/authorize";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Entrar · Lastro" };

export default async function LoginPage() {
  if (await getViewer()) redirect(HOME_PATH);
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="text-center">
          <span className="text-2xl font-bold tracking-tight text-brand-700">Lastro</span>
          <h1 className="mt-6 text-xl font-semibold text-ink">Entrar no painel</h1>
          <p className="mt-1 text-sm text-muted">Use o e-mail e a senha cadastrados pela sua imobiliária.</p>
        </div>
        <div className="mt-8 rounded-2xl border border-slate-200 bg-white p-6 shadow-sm">
          <LoginForm />
        </div>
      </div>
    </main>
  );
}
