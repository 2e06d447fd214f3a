"use client";
// "Meu WhatsApp": the login's own number for the management's alerts, its error beside the field.
import { useAcaoFormulario } from "@/components/ui/use-acao-formulario";
import { descrito, ErroCampo } from "@/components/ui/erro-campo";
import { campo, rotuloCampo } from "@/components/ui/estilos";
import { EnvioComAviso } from "@/components/ui/envio-com-aviso";
import { ESTADO_INICIAL, type AcaoEstado } from "@/lib/painel/acao-estado";

type Acao = (prev: AcaoEstado, form: FormData) => Promise<AcaoEstado>;

export function ContaWhatsapp({ acao, atual }: { acao: Acao; atual: string }) {
  const { estado, enviar, enviando, submeter } = useAcaoFormulario(acao, ESTADO_INICIAL);
  const erros = estado.erros;
  return (
    <form
      action={enviar}
      onSubmit={submeter}
      className="max-w-md space-y-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm md:p-6"
      data-testid="whatsapp-form"
    >
      <div>
        <label className={rotuloCampo}>
          Meu WhatsApp, para receber alertas da gestão
          <input
            name="whatsapp"
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            defaultValue={atual}
            placeholder="(11) 98765-4321"
            className={campo}
            {...descrito("whatsapp", erros)}
          />
        </label>
        <p className="mt-1 text-xs text-muted">Celular com DDD. Deixe em branco para não receber.</p>
        <ErroCampo campo="whatsapp" erros={erros} />
      </div>
      <EnvioComAviso
        rotulo="Salvar WhatsApp"
        rotuloEnviando="Salvando…"
        enviando={enviando}
        aviso={estado}
        avisoTestId="whatsapp-aviso"
      />
    </form>
  );
}
