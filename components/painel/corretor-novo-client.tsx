"use client";
// "Adicionar corretor": name, WhatsApp (any way a person types it; stored in E.164) and an optional
// e-mail. The daily limit starts at the agency's default and is changed on the broker's page.
import { useAcaoFormulario } from "@/components/ui/use-acao-formulario";
import { descrito, ErroCampo } from "@/components/ui/erro-campo";
import { campo, rotuloCampo } from "@/components/ui/estilos";
import { ESTADO_INICIAL, type AcaoEstado } from "@/lib/painel/acao-estado";
import { EnvioComAviso } from "@/components/ui/envio-com-aviso";

type Acao = (prev: AcaoEstado, form: FormData) => Promise<AcaoEstado>;

export function CorretorNovo({ acao, limiteDiario }: { acao: Acao; limiteDiario: number }) {
  const { estado, enviar, enviando, formRef, submeter } = useAcaoFormulario(acao, ESTADO_INICIAL);
  const erros = estado.erros;

  return (
    <section aria-labelledby="novo-corretor" className="rounded-xl border border-slate-200 bg-white shadow-sm">
      <h2 id="novo-corretor" className="px-4 pt-4 text-base font-semibold text-ink md:px-6">
        Adicionar corretor
      </h2>
      <form
        ref={formRef}
        action={enviar}
        onSubmit={submeter}
        className="space-y-4 p-4 md:p-6"
        data-testid="novo-corretor-form"
      >
        <div className="grid gap-4 sm:grid-cols-3">
          <div>
            <label className={rotuloCampo}>
              Nome
              <input name="nome" autoComplete="off" className={campo} {...descrito("nome", erros)} />
            </label>
            <ErroCampo campo="nome" erros={erros} />
          </div>
          <div>
            <label className={rotuloCampo}>
              WhatsApp
              <input
                name="telefone"
                type="tel"
                inputMode="tel"
                autoComplete="off"
                placeholder="(11) 98765-4321"
                className={campo}
                {...descrito("telefone", erros)}
              />
            </label>
            <ErroCampo campo="telefone" erros={erros} />
          </div>
          <div>
            <label className={rotuloCampo}>
              E-mail (opcional)
              <input name="email" type="email" autoComplete="off" className={campo} {...descrito("email", erros)} />
            </label>
            <ErroCampo campo="email" erros={erros} />
          </div>
        </div>
        <p className="text-sm text-muted">
          Começa ativo, com {limiteDiario} mensagens por dia (o padrão da imobiliária) e o expediente padrão; ajuste na
          página do corretor.
        </p>
        <EnvioComAviso
          rotulo="Adicionar"
          rotuloEnviando="Adicionando…"
          enviando={enviando}
          aviso={estado}
          avisoTestId="novo-corretor-aviso"
        />
      </form>
    </section>
  );
}
