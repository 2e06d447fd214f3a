"use client";
// "Trocar senha": the current one, then the new one twice, each error beside its field.
import { startTransition, useActionState, useEffect, useRef, type FormEvent } from "react";
import { descrito, ErroCampo } from "@/components/ui/erro-campo";
import { botaoPrimario, campo, rotuloCampo } from "@/components/ui/estilos";
import { ESTADO_INICIAL, type AcaoEstado } from "@/lib/painel/acao-estado";

type Acao = (prev: AcaoEstado, form: FormData) => Promise<AcaoEstado>;

export function ContaSenha({ acao, email }: { acao: Acao; email: string }) {
  const [estado, enviar, enviando] = useActionState(acao, ESTADO_INICIAL);
  const formRef = useRef<HTMLFormElement>(null);
  const erros = estado.erros;
  const submeter = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const dados = new FormData(e.currentTarget);
    startTransition(() => enviar(dados));
  };
  useEffect(() => {
    if (estado.ok) formRef.current?.reset();
  }, [estado]);
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
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className={`${botaoPrimario} w-full sm:w-auto`} disabled={enviando}>
          {enviando ? "Trocando…" : "Trocar senha"}
        </button>
        {estado.mensagem ? (
          <p
            role="status"
            data-testid="senha-aviso"
            className={`text-sm ${estado.ok ? "text-brand-800" : "text-amber-800"}`}
          >
            {estado.mensagem}
          </p>
        ) : null}
      </div>
    </form>
  );
}
