// /conta, "Minha conta" (every role): who is logged in and the password change. A login on a
// temporary password lands here from every other page until it chooses its own.
import type { Metadata } from "next";
import { ContaSenha } from "@/components/painel/conta-senha-client";
import { ContaWhatsapp } from "@/components/painel/conta-whatsapp-client";
import { PageHeader } from "@/components/ui/page-header";
import { requireAccountSession } from "@/lib/auth/authorize";
import { getDb } from "@/lib/db/client";
import { getUsuarioById } from "@/lib/db/queries/usuarios";
import { formatPhone } from "@/lib/phone/format-phone";
import { PAPEL_ROTULO } from "@/lib/painel/rotulos";
import { salvarWhatsappAction, trocarSenhaAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Minha conta · Lastro" };

export default async function ContaPage() {
  const viewer = await requireAccountSession();
  const { db } = await getDb();
  const whatsapp = (await getUsuarioById(db, viewer.userId))?.whatsapp ?? null;
  return (
    <div className="space-y-6">
      <PageHeader title="Minha conta" description={`${viewer.nome} · ${PAPEL_ROTULO[viewer.papel]}`} />
      {viewer.deveTrocarSenha ? (
        <p
          role="alert"
          className="max-w-md rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900"
          data-testid="trocar-senha-obrigatorio"
        >
          Você entrou com uma senha provisória. Escolha a sua para continuar usando o painel.
        </p>
      ) : null}
      <section aria-labelledby="trocar-senha" className="space-y-3">
        <h2 id="trocar-senha" className="text-base font-semibold text-ink">
          Trocar senha
        </h2>
        <p className="max-w-md text-sm text-muted">
          E-mail de acesso: <span className="break-all text-ink">{viewer.email}</span>. Trocar a senha encerra as
          sessões abertas em outros aparelhos.
        </p>
        <ContaSenha acao={trocarSenhaAction} email={viewer.email} />
      </section>
      {/* A broker's alerts go to the number on their broker row; this one is for the management's alerts. */}
      {viewer.deveTrocarSenha || viewer.papel === "corretor" ? null : (
        <section aria-labelledby="meu-whatsapp" className="space-y-3">
          <h2 id="meu-whatsapp" className="text-base font-semibold text-ink">
            Meu WhatsApp
          </h2>
          <ContaWhatsapp acao={salvarWhatsappAction} atual={whatsapp ? formatPhone(whatsapp) : ""} />
        </section>
      )}
    </div>
  );
}
