"use client";
// One login's buttons: reset its password (asked once more: its sessions end at once) and
// deactivate or reactivate it. The admin's own row has no deactivate button; the server refuses it anyway.
import { useActionState, useState } from "react";
import { botaoPrimario, botaoSecundario } from "@/components/ui/estilos";
import { ESTADO_INICIAL, type AcaoEstado } from "@/lib/painel/acao-estado";
import { SENHA_INICIAL, type SenhaEstado } from "@/lib/painel/senha-estado";
import { SenhaProvisoria } from "./senha-provisoria";

type Props = {
  usuarioId: string;
  nome: string;
  ativo: boolean;
  proprio: boolean;
  redefinir: (prev: SenhaEstado, form: FormData) => Promise<SenhaEstado>;
  alterarAtivo: (prev: AcaoEstado, form: FormData) => Promise<AcaoEstado>;
};

export function UsuarioAcoes({ usuarioId, nome, ativo, proprio, redefinir, alterarAtivo }: Props) {
  const [senha, enviarSenha, redefinindo] = useActionState(redefinir, SENHA_INICIAL);
  const [situacao, enviarAtivo, alterando] = useActionState(alterarAtivo, ESTADO_INICIAL);
  const [confirmando, setConfirmando] = useState(false);

  return (
    <div className="space-y-2">
      {senha.ok && senha.senhaProvisoria ? (
        <SenhaProvisoria mensagem={senha.mensagem} senha={senha.senhaProvisoria} />
      ) : null}
      {situacao.mensagem ? (
        <p role="status" className={`text-sm ${situacao.ok ? "text-brand-800" : "text-amber-800"}`}>
          {situacao.mensagem}
        </p>
      ) : null}
      {confirmando ? (
        <form
          action={(form) => {
            setConfirmando(false);
            enviarSenha(form);
          }}
          className="space-y-2 rounded-lg border border-amber-200 bg-amber-50 p-3"
        >
          <input type="hidden" name="usuarioId" value={usuarioId} />
          <p className="text-sm text-amber-900">
            A senha atual de {nome} deixa de valer na hora e as sessões abertas são encerradas.
          </p>
          <div className="flex flex-wrap gap-2">
            <button type="submit" className={botaoPrimario}>
              Confirmar redefinição
            </button>
            <button type="button" className={botaoSecundario} onClick={() => setConfirmando(false)}>
              Cancelar
            </button>
          </div>
        </form>
      ) : (
        <div className="flex flex-wrap gap-2">
          <button
            type="button"
            className={botaoSecundario}
            onClick={() => setConfirmando(true)}
            disabled={redefinindo}
            aria-label={`Redefinir senha de ${nome}`}
          >
            {redefinindo ? "Redefinindo…" : "Redefinir senha"}
          </button>
          {proprio ? null : (
            <form action={enviarAtivo}>
              <input type="hidden" name="usuarioId" value={usuarioId} />
              <input type="hidden" name="ativo" value={ativo ? "nao" : "sim"} />
              <button
                type="submit"
                className={botaoSecundario}
                disabled={alterando}
                aria-label={`${ativo ? "Desativar" : "Reativar"} ${nome}`}
              >
                {ativo ? "Desativar" : "Reativar"}
              </button>
            </form>
          )}
        </div>
      )}
    </div>
  );
}
