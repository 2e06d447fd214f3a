"use client";
// A portal card's "Enviar lead de teste": the server posts a sample lead through the portal's real
// webhook path with the stored credential; the card shows the HTTP status and the answer in pt-BR.
import Link from "next/link";
import { useActionState } from "react";
import { botaoSecundario } from "@/components/ui/estilos";
import { LEAD_TESTE_INICIAL, type LeadTesteEstado } from "@/lib/painel/lead-teste-estado";

// Passed in by the page: components do not import app/.
type Acao = (prev: LeadTesteEstado, form: FormData) => Promise<LeadTesteEstado>;

export function EnviarLeadTeste({ integracaoId, acao }: { integracaoId: string; acao: Acao }) {
  const [estado, enviar, enviando] = useActionState(acao, LEAD_TESTE_INICIAL);
  const resposta = estado.integracaoId === integracaoId ? estado : null;
  return (
    <div className="space-y-2">
      <form action={enviar}>
        <input type="hidden" name="integracaoId" value={integracaoId} />
        <button type="submit" className={botaoSecundario} disabled={enviando}>
          {enviando ? "Enviando…" : "Enviar lead de teste"}
        </button>
      </form>
      {resposta?.mensagem ? (
        <div
          role="status"
          data-testid="lead-teste-resposta"
          className={`space-y-1 rounded-lg border p-3 text-sm ${
            resposta.ok ? "border-brand-200 bg-brand-50 text-brand-900" : "border-amber-200 bg-amber-50 text-amber-900"
          }`}
        >
          <p className="font-medium">{resposta.status ? `Resposta do webhook: ${resposta.status}` : "Não enviado"}</p>
          <p className="break-words">{resposta.mensagem}</p>
          {resposta.leadId ? (
            <Link href={`/leads/${resposta.leadId}`} className="font-medium text-brand-800 underline">
              Ver o lead de teste
            </Link>
          ) : null}
        </div>
      ) : !estado.ok && estado.mensagem ? (
        <p role="alert" className="text-sm text-amber-800">
          {estado.mensagem}
        </p>
      ) : null}
    </div>
  );
}
