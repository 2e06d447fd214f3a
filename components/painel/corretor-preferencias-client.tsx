"use client";
// A broker's settings form. The server action decides what the login may change; this form only
// leaves out what it may not (a broker sees their daily limit and active flag as text, not fields).
import { useAcaoFormulario } from "@/components/ui/use-acao-formulario";
import { ErroCampo as Erro, descrito } from "@/components/ui/erro-campo";
import { campo, rotuloCampo } from "@/components/ui/estilos";
import { ESTADO_INICIAL, type AcaoEstado } from "@/lib/painel/acao-estado";
import { EnvioComAviso } from "@/components/ui/envio-com-aviso";

type Acao = (prev: AcaoEstado, form: FormData) => Promise<AcaoEstado>;

export type PreferenciasForm = {
  corretorId: string;
  limiteDiario: number;
  pesoRoleta: number;
  inicio: string;
  fim: string;
  dias: number[];
  janelaMinutos: number;
  tamanhoMaximo: number;
  silencio: "respeitar" | "urgente_pode_quebrar";
  /** "Pausado até 06/12/2026 08:00", or null when not paused. */
  pausaTexto: string | null;
  ativo: boolean;
};

const DIAS = ["Dom", "Seg", "Ter", "Qua", "Qui", "Sex", "Sáb"];

export function CorretorPreferencias({
  valores,
  gestao,
  acao,
}: {
  valores: PreferenciasForm;
  gestao: boolean;
  acao: Acao;
}) {
  const { estado, enviar, enviando: salvando, formRef, submeter } = useAcaoFormulario(acao, ESTADO_INICIAL);
  const erros = estado.erros;
  return (
    <form
      ref={formRef}
      action={enviar}
      onSubmit={submeter}
      className="space-y-5 rounded-xl border border-slate-200 bg-white p-4 shadow-sm md:p-6"
      data-testid="preferencias-form"
    >
      <input type="hidden" name="corretorId" value={valores.corretorId} />

      <div className="grid gap-4 sm:grid-cols-2">
        {gestao ? (
          <div>
            <label className={rotuloCampo}>
              Limite diário de mensagens
              <input
                name="limiteDiario"
                type="number"
                inputMode="numeric"
                min={1}
                max={50}
                defaultValue={valores.limiteDiario}
                className={campo}
                {...descrito("limiteDiario", erros)}
              />
            </label>
            <Erro campo="limiteDiario" erros={erros} />
          </div>
        ) : (
          <div className={rotuloCampo} data-testid="limite-somente-leitura">
            Limite diário de mensagens
            <p className="mt-1 py-2 text-sm text-muted">
              {valores.limiteDiario} mensagens por dia (definido pela gestão)
            </p>
            <Erro campo="limiteDiario" erros={erros} />
          </div>
        )}
        {gestao ? (
          <div className={rotuloCampo}>
            Situação
            <input type="hidden" name="ativoNoFormulario" value="1" />
            <label className="mt-1 flex min-h-11 items-center gap-2 text-sm font-normal">
              <input name="ativo" type="checkbox" defaultChecked={valores.ativo} className="size-5" />
              Ativo (recebe leads)
            </label>
            <Erro campo="ativo" erros={erros} />
          </div>
        ) : null}
      </div>

      {gestao ? (
        <div className="max-w-xs">
          <label className={rotuloCampo}>
            Peso na roleta
            <input
              name="pesoRoleta"
              type="number"
              inputMode="numeric"
              defaultValue={valores.pesoRoleta}
              className={campo}
              aria-describedby={erros?.pesoRoleta ? "erro-pesoRoleta" : "ajuda-pesoRoleta"}
              aria-invalid={erros?.pesoRoleta ? true : undefined}
            />
          </label>
          <p id="ajuda-pesoRoleta" className="mt-1 text-xs text-muted">
            De 0 (fora da roleta) a 10; 2 recebe o dobro de quem tem 1.
          </p>
          <Erro campo="pesoRoleta" erros={erros} />
        </div>
      ) : null}

      <fieldset className="grid grid-cols-2 gap-4">
        <legend className="mb-2 text-sm font-semibold text-ink">Expediente</legend>
        <div>
          <label className={rotuloCampo}>
            Início
            <input
              name="inicio"
              defaultValue={valores.inicio}
              placeholder="08:00"
              className={campo}
              {...descrito("inicio", erros)}
            />
          </label>
          <Erro campo="inicio" erros={erros} />
        </div>
        <div>
          <label className={rotuloCampo}>
            Fim
            <input
              name="fim"
              defaultValue={valores.fim}
              placeholder="20:00"
              className={campo}
              {...descrito("fim", erros)}
            />
          </label>
          <Erro campo="fim" erros={erros} />
        </div>
      </fieldset>

      <fieldset {...descrito("dias", erros)}>
        <legend className="mb-2 text-sm font-semibold text-ink">Dias de trabalho</legend>
        <div className="flex flex-wrap gap-2">
          {DIAS.map((nome, dia) => (
            <label
              key={dia}
              className="flex min-h-11 items-center gap-2 rounded-lg border border-slate-300 px-3 text-sm has-checked:border-brand-600 has-checked:bg-brand-50"
            >
              <input
                type="checkbox"
                name="dias"
                value={dia}
                defaultChecked={valores.dias.includes(dia)}
                className="size-4"
              />
              {nome}
            </label>
          ))}
        </div>
        <Erro campo="dias" erros={erros} />
      </fieldset>

      <fieldset className="grid grid-cols-2 gap-4">
        <legend className="mb-2 text-sm font-semibold text-ink">Agrupamento de leads mornos</legend>
        <div>
          <label className={rotuloCampo}>
            Janela (minutos)
            <input
              name="janelaMinutos"
              type="number"
              inputMode="numeric"
              defaultValue={valores.janelaMinutos}
              className={campo}
              {...descrito("janelaMinutos", erros)}
            />
          </label>
          <Erro campo="janelaMinutos" erros={erros} />
        </div>
        <div>
          <label className={rotuloCampo}>
            Até quantos leads
            <input
              name="tamanhoMaximo"
              type="number"
              inputMode="numeric"
              defaultValue={valores.tamanhoMaximo}
              className={campo}
              {...descrito("tamanhoMaximo", erros)}
            />
          </label>
          <Erro campo="tamanhoMaximo" erros={erros} />
        </div>
      </fieldset>

      <div>
        {/* Labelled by id, not wrapped: a wrapping label would take the options' text into its name. */}
        <label htmlFor="silencio" className={rotuloCampo}>
          Fora do expediente
        </label>
        <select
          id="silencio"
          name="silencio"
          defaultValue={valores.silencio}
          className={campo}
          {...descrito("silencio", erros)}
        >
          <option value="respeitar">Não enviar (espera o expediente)</option>
          <option value="urgente_pode_quebrar">Leads quentes vão mesmo assim</option>
        </select>
        <Erro campo="silencio" erros={erros} />
      </div>

      <fieldset>
        <legend className="mb-1 text-sm font-semibold text-ink">Pausa</legend>
        <p className="mb-2 text-sm text-muted" data-testid="pausa-atual">
          {valores.pausaTexto ?? "Sem pausa agora."}
        </p>
        <div className="grid gap-2 sm:grid-cols-2">
          {[
            ["manter", "Manter como está"],
            ["nenhuma", "Sem pausa"],
            ["1d", "Pausar por 1 dia"],
            ["1s", "Pausar por 1 semana"],
            ["ate", "Pausar até…"],
          ].map(([valor, rotulo]) => (
            <label key={valor} className="flex min-h-11 items-center gap-2 text-sm">
              <input type="radio" name="pausa" value={valor} defaultChecked={valor === "manter"} className="size-4" />
              {rotulo}
            </label>
          ))}
        </div>
        <div className="mt-2 max-w-xs">
          <label className={rotuloCampo}>
            Até (data e hora)
            <input name="pausaAte" type="datetime-local" className={campo} {...descrito("pausaAte", erros)} />
          </label>
          <Erro campo="pausaAte" erros={erros} />
        </div>
      </fieldset>

      <EnvioComAviso
        rotulo="Salvar preferências"
        rotuloEnviando="Salvando…"
        enviando={salvando}
        aviso={estado}
        avisoTestId="preferencias-aviso"
        botaoTestId="salvar"
      />
    </form>
  );
}
