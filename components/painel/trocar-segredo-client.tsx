"use client";
// The rotate button of one portal card: asks once more (the old secret stops working at that very
// moment), then shows the new secret, once: it is not stored in clear and cannot be shown again.
import { useActionState, useState } from "react";
import { Copiar } from "@/components/ui/copiar-client";
import { botaoPrimario, botaoSecundario } from "@/components/ui/estilos";
import { ROTACAO_INICIAL, type RotacaoEstado } from "@/lib/painel/rotacao-estado";

// Passed in by the page: components do not import app/.
type Acao = (prev: RotacaoEstado, form: FormData) => Promise<RotacaoEstado>;

type Props = { integracaoId: string; portalNome: string; acao: Acao };

export function TrocarSegredo({ integracaoId, portalNome, acao }: Props) {
  const [estado, enviar, enviando] = useActionState(acao, ROTACAO_INICIAL);
  const [confirmando, setConfirmando] = useState(false);
  const novo = estado.ok && estado.integracaoId === integracaoId ? estado : null;

  return (
    <div className="space-y-3">
      {novo?.segredo ? (
        <div
          role="status"
          className="space-y-2 rounded-lg border border-brand-200 bg-brand-50 p-3 text-sm text-brand-900"
          data-testid="segredo-novo"
        >
          <p className="font-medium">{novo.mensagem}</p>
          <p>Novo segredo (mostrado só agora; copie antes de sair desta página):</p>
          <div className="flex flex-wrap items-center gap-2">
            <code
              className="min-w-0 break-all rounded bg-white px-2 py-1 font-mono text-xs"
              data-testid="segredo-valor"
            >
              {novo.segredo}
            </code>
            <Copiar valor={novo.segredo} />
          </div>
          {novo.comoAutenticar ? (
            <p className="break-all text-xs text-brand-800">Como o portal envia: {novo.comoAutenticar}</p>
          ) : null}
        </div>
      ) : null}
      {!estado.ok && estado.mensagem ? (
        <p role="alert" className="text-sm text-amber-800">
          {estado.mensagem}
        </p>
      ) : null}
      {confirmando ? (
        <form
          action={(form) => {
            setConfirmando(false);
            enviar(form);
          }}
          className="space-y-2 rounded-lg border border-amber-200 bg-amber-50 p-3"
        >
          <input type="hidden" name="integracaoId" value={integracaoId} />
          <p className="text-sm text-amber-900">
            O segredo atual do {portalNome} deixa de valer na hora: entregas com ele recebem 401 até você cadastrar o
            novo no portal.
          </p>
          <div className="flex flex-wrap gap-2">
            <button type="submit" className={botaoPrimario} disabled={enviando}>
              Confirmar troca
            </button>
            <button type="button" className={botaoSecundario} onClick={() => setConfirmando(false)}>
              Cancelar
            </button>
          </div>
        </form>
      ) : (
        <button type="button" className={botaoSecundario} onClick={() => setConfirmando(true)} disabled={enviando}>
          {enviando ? "Trocando…" : "Trocar segredo"}
        </button>
      )}
    </div>
  );
}
