"use client";
// /privacidade's API keys: create one for the agency's own system (shown once, with "Copiar") and
// revoke a key (refused from that moment). The list itself is rendered by the page.
import { useActionState } from "react";
import { Copiar } from "@/components/ui/copiar-client";
import { botaoPrimario, botaoSecundario, campo, rotuloCampo } from "@/components/ui/estilos";
import type { ChaveEstado } from "@/lib/painel/privacidade-estado";

type Acao = (prev: ChaveEstado, form: FormData) => Promise<ChaveEstado>;

export function NovaChaveApi({ acao }: { acao: Acao }) {
  const [estado, enviar, enviando] = useActionState(acao, { ok: false });
  return (
    <div className="space-y-3">
      {estado.ok && estado.chave ? (
        <div
          role="status"
          className="space-y-2 rounded-lg border border-brand-200 bg-brand-50 p-3 text-sm text-brand-900"
          data-testid="chave-api-nova"
        >
          <p className="font-medium">{estado.mensagem}</p>
          <p>Copie agora: a chave é mostrada só esta vez (guardamos apenas uma impressão dela).</p>
          <div className="flex flex-wrap items-center gap-2">
            <code
              className="min-w-0 break-all rounded bg-white px-2 py-1 font-mono text-sm"
              data-testid="chave-api-valor"
            >
              {estado.chave}
            </code>
            <Copiar valor={estado.chave} />
          </div>
        </div>
      ) : null}
      <form action={enviar} className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <label className={`${rotuloCampo} flex-1`}>
          Nome da chave (quem vai usar)
          <input
            name="nome"
            maxLength={80}
            placeholder="CRM da imobiliária"
            className={campo}
            aria-invalid={estado.erros?.nome ? true : undefined}
            aria-describedby={estado.erros?.nome ? "chave-nome-erro" : undefined}
          />
        </label>
        <button type="submit" className={botaoPrimario} disabled={enviando}>
          {enviando ? "Criando…" : "Criar chave"}
        </button>
      </form>
      {estado.erros?.nome ? (
        <p id="chave-nome-erro" className="text-sm text-red-700">
          {estado.erros.nome}
        </p>
      ) : null}
    </div>
  );
}

export function RevogarChaveApi({ chaveId, nome, acao }: { chaveId: string; nome: string; acao: Acao }) {
  const [estado, enviar, enviando] = useActionState(acao, { ok: false });
  if (estado.ok) return <span className="text-sm text-slate-600">{estado.mensagem}</span>;
  return (
    <form action={enviar}>
      <input type="hidden" name="chaveId" value={chaveId} />
      <button type="submit" className={botaoSecundario} disabled={enviando} aria-label={`Revogar a chave ${nome}`}>
        {enviando ? "Revogando…" : "Revogar"}
      </button>
    </form>
  );
}
