"use client";
// "Novo login": name, e-mail, role and, for a broker login, which broker. The answer shows the
// temporary password once. The broker choice shows only for the broker role.
import { useState, type FormEvent } from "react";
import { useAcaoFormulario } from "@/components/ui/use-acao-formulario";
import { descrito, ErroCampo } from "@/components/ui/erro-campo";
import { botaoPrimario, campo, rotuloCampo } from "@/components/ui/estilos";
import { PAPEL_ROTULO } from "@/lib/painel/rotulos";
import { SENHA_INICIAL, type SenhaEstado } from "@/lib/painel/senha-estado";
import { SenhaProvisoria } from "./senha-provisoria";

type Acao = (prev: SenhaEstado, form: FormData) => Promise<SenhaEstado>;

export function UsuarioNovo({ acao, corretores }: { acao: Acao; corretores: { id: string; nome: string }[] }) {
  const { estado, enviar, enviando, submeter } = useAcaoFormulario(acao, SENHA_INICIAL);
  return (
    <section
      aria-labelledby="novo-login"
      className="space-y-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm md:p-6"
    >
      <h2 id="novo-login" className="text-base font-semibold text-ink">
        Novo login
      </h2>
      {estado.ok && estado.senhaProvisoria ? (
        <SenhaProvisoria mensagem={estado.mensagem} senha={estado.senhaProvisoria} />
      ) : null}
      {/* A new login remounts the form: empty fields and the default role, with nothing to reset by hand. */}
      <Formulario
        key={estado.usuarioId ?? "novo"}
        estado={estado}
        enviar={enviar}
        submeter={submeter}
        enviando={enviando}
        corretores={corretores}
      />
    </section>
  );
}

type FormularioProps = {
  estado: SenhaEstado;
  enviar: (form: FormData) => void;
  submeter: (e: FormEvent<HTMLFormElement>) => void;
  enviando: boolean;
  corretores: { id: string; nome: string }[];
};

function Formulario({ estado, enviar, submeter, enviando, corretores }: FormularioProps) {
  const [papel, setPapel] = useState("gestor");
  const erros = estado.erros;

  return (
    <form action={enviar} onSubmit={submeter} className="space-y-4" data-testid="novo-login-form">
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label className={rotuloCampo}>
            Nome
            <input name="nome" autoComplete="off" className={campo} {...descrito("nome", erros)} />
          </label>
          <ErroCampo campo="nome" erros={erros} />
        </div>
        <div>
          <label className={rotuloCampo}>
            E-mail
            <input name="email" type="email" autoComplete="off" className={campo} {...descrito("email", erros)} />
          </label>
          <ErroCampo campo="email" erros={erros} />
        </div>
        <div>
          <label htmlFor="novo-papel" className={rotuloCampo}>
            Papel
          </label>
          <select
            id="novo-papel"
            name="papel"
            value={papel}
            onChange={(e) => setPapel(e.target.value)}
            className={campo}
            {...descrito("papel", erros)}
          >
            {(["gestor", "corretor", "admin"] as const).map((p) => (
              <option key={p} value={p}>
                {PAPEL_ROTULO[p]}
              </option>
            ))}
          </select>
          <ErroCampo campo="papel" erros={erros} />
        </div>
        {papel === "corretor" ? (
          <div>
            <label htmlFor="novo-corretor" className={rotuloCampo}>
              Corretor
            </label>
            <select id="novo-corretor" name="corretorId" className={campo} {...descrito("corretorId", erros)}>
              <option value="">Escolha…</option>
              {corretores.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.nome}
                </option>
              ))}
            </select>
            {corretores.length === 0 ? (
              <p className="mt-1 text-sm text-muted">Todos os corretores já têm login. Adicione um em Corretores.</p>
            ) : null}
            <ErroCampo campo="corretorId" erros={erros} />
          </div>
        ) : null}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className={`${botaoPrimario} w-full sm:w-auto`} disabled={enviando}>
          {enviando ? "Criando…" : "Criar login"}
        </button>
        {!estado.ok && estado.mensagem ? (
          <p role="alert" className="text-sm text-amber-800">
            {estado.mensagem}
          </p>
        ) : null}
      </div>
    </form>
  );
}
