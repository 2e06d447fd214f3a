"use client";
// "Trocar senha": the current one, then the new one twice, each error beside its field.
import { useAcaoFormulario } from "@/components/ui/use-acao-formulario";
import { descrito, ErroCampo } from "@/components/ui/erro-campo";
import { campo, rotuloCampo } from "@/components/ui/estilos";
import { ESTADO_INICIAL, type AcaoEstado } from "@/lib/painel/acao-estado";
import { EnvioComAviso } from "@/components/ui/envio-com-aviso";

type Acao = (prev: AcaoEstado, form: FormData) => Promise<AcaoEstado>;

export function ContaSenha({ acao, email }: { acao: Acao; email: string }) {
  const { estado, enviar, enviando, formRef, submeter } = useAcaoFormulario(acao, ESTADO_INICIAL);
  const erros = estado.erros;
  const senha = (nome: string, rotulo: string, autoComplete: string, ajuda?: string) => (
    <div>
      <label className={rotuloCampo}>
        {rotulo}
        <input name={nome} type="password" autoComplete={autoComplete} className={campo} {...descrito(nome, erros)} />
      </label>
      {ajuda ? <p className="mt-1 text-xs text-muted">{ajuda}</p> : null}
      <ErroCampo campo={nome} erros={erros} />
    </div>
  );

  return (
    <form
      ref={formRef}
      action={enviar}
      onSubmit={submeter}
      className="max-w-md space-y-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm md:p-6"
      data-testid="trocar-senha-form"
    >
      {/* For password managers: which account this password belongs to. */}
      <input type="hidden" name="username" autoComplete="username" value={email} readOnly />
      {senha("atual", "Senha atual", "current-password")}
      {senha("nova", "Nova senha", "new-password", "Pelo menos 10 caracteres.")}
      {senha("confirmacao", "Repita a nova senha", "new-password")}
      <EnvioComAviso
        rotulo="Trocar senha"
        rotuloEnviando="Trocando…"
        enviando={enviando}
        aviso={estado}
        avisoTestId="senha-aviso"
      />
    </form>
  );
}
