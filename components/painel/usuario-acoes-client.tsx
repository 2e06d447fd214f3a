"use client";
// One login's buttons: reset its password (asked once more: its sessions end at once) and
// deactivate or reactivate it, move it between admin and gestor. The admin's own row has neither of the
// last two (the server refuses them anyway); a broker login keeps its role.
import { useActionState, useState } from "react";
import { botaoPrimario, botaoSecundario, campo } from "@/components/ui/estilos";
import type { Papel } from "@/lib/db/schema";
import { PAPEL_ROTULO } from "@/lib/painel/rotulos";
import { ESTADO_INICIAL, type AcaoEstado } from "@/lib/painel/acao-estado";
import { SENHA_INICIAL, type SenhaEstado } from "@/lib/painel/senha-estado";
import { SenhaProvisoria } from "./senha-provisoria";

// The shared field look, beside its button instead of under a label.
const campoNaLinha = campo.replace("mt-1 block w-full", "block w-auto");

type Props = {
  usuarioId: string;
  nome: string;
  ativo: boolean;
  papel: Papel;
  proprio: boolean;
  redefinir: (prev: SenhaEstado, form: FormData) => Promise<SenhaEstado>;
  alterarAtivo: (prev: AcaoEstado, form: FormData) => Promise<AcaoEstado>;
  mudarPapel: (prev: AcaoEstado, form: FormData) => Promise<AcaoEstado>;
};

export function UsuarioAcoes({ usuarioId, nome, ativo, papel, proprio, redefinir, alterarAtivo, mudarPapel }: Props) {
  const [senha, enviarSenha, redefinindo] = useActionState(redefinir, SENHA_INICIAL);
  const [situacao, enviarAtivo, alterando] = useActionState(alterarAtivo, ESTADO_INICIAL);
  const [papelEstado, enviarPapel, mudando] = useActionState(mudarPapel, ESTADO_INICIAL);
  const [confirmando, setConfirmando] = useState(false);
  const aviso = papelEstado.mensagem ? papelEstado : situacao;

  return (
    <div className="space-y-2">
      {senha.ok && senha.senhaProvisoria ? (
        <SenhaProvisoria mensagem={senha.mensagem} senha={senha.senhaProvisoria} />
      ) : null}
      {aviso.mensagem ? (
        <p role="status" className={`text-sm ${aviso.ok ? "text-brand-800" : "text-amber-800"}`}>
          {aviso.mensagem}
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
          {proprio || papel === "corretor" ? null : (
            <form action={enviarPapel} className="flex items-end gap-2">
              <input type="hidden" name="usuarioId" value={usuarioId} />
              <label className="sr-only" htmlFor={`papel-${usuarioId}`}>
                Papel de {nome}
              </label>
              <select id={`papel-${usuarioId}`} name="papel" defaultValue={papel} className={campoNaLinha}>
                {(["gestor", "admin"] as const).map((p) => (
                  <option key={p} value={p}>
                    {PAPEL_ROTULO[p]}
                  </option>
                ))}
              </select>
              <button type="submit" className={botaoSecundario} disabled={mudando}>
                Mudar papel
              </button>
            </form>
          )}
        </div>
      )}
    </div>
  );
}
