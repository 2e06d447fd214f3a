"use client";
// The agency settings form (/configuracoes). The server action validates and answers one pt-BR
// message per refused field, shown beside it; what was typed stays on the form until it is saved.
import { type ReactNode } from "react";
import { useAcaoFormulario } from "@/components/ui/use-acao-formulario";
import { campo, rotuloCampo } from "@/components/ui/estilos";
import { ESTADO_INICIAL, type AcaoEstado } from "@/lib/painel/acao-estado";
import { EnvioComAviso } from "@/components/ui/envio-com-aviso";

type Acao = (prev: AcaoEstado, form: FormData) => Promise<AcaoEstado>;
type Erros = Record<string, string> | undefined;

export type TemplateLinha = {
  tipo: string;
  rotulo: string;
  foraDaJanela: string;
  comBotoes: string;
  /** The env var's sid, used when the field is empty (null: none set). */
  envForaDaJanela: string | null;
  envComBotoes: string | null;
};

export type ConfiguracoesForm = {
  nome: string;
  timezone: string;
  scoreQuente: number;
  scoreMorno: number;
  roteamento: "dono_do_anuncio" | "roleta" | "fixo";
  corretorFixoId: string | null;
  corretores: { id: string; nome: string; ativo: boolean; peso: number }[];
  limiteDiarioPadrao: number;
  janelaMinutos: number;
  tamanhoMaximo: number;
  slaMinutos: number;
  slaRedistribuir: boolean;
  followUpDias: string;
  resumoDiarioHora: string;
  resumoSemanalHora: string;
  limiteMensalIaUsd: string;
  retencaoMeses: number;
  /** OPENAI_API_KEY is set: the cap applies. */
  iaLigada: boolean;
  templates: TemplateLinha[];
};

const ROTEAMENTOS = [
  ["dono_do_anuncio", "Dono do imóvel", "O corretor responsável pelo anúncio; sem dono disponível, a roleta."],
  ["roleta", "Roleta", "Revezamento entre os corretores de plantão, pelos pesos abaixo."],
  ["fixo", "Corretor fixo", "Todos os leads para um corretor."],
] as const;

// Ids may carry dots ("templates.alerta.comBotoes"): fine in an HTML id, and the tests find them by data-testid.
function Erro({ nome, erros }: { nome: string; erros: Erros }) {
  const texto = erros?.[nome];
  return texto ? (
    <p id={`erro-${nome}`} data-testid={`erro-${nome}`} className="mt-1 text-sm text-red-700">
      {texto}
    </p>
  ) : null;
}

const descrito = (nome: string, erros: Erros, ajuda?: string) =>
  erros?.[nome]
    ? { "aria-invalid": true, "aria-describedby": `erro-${nome}` }
    : ajuda
      ? { "aria-describedby": ajuda }
      : {};

function Secao({ titulo, descricao, children }: { titulo: string; descricao?: string; children: ReactNode }) {
  return (
    <fieldset className="min-w-0 space-y-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm md:p-6">
      <legend className="px-1 text-base font-semibold text-ink">{titulo}</legend>
      {descricao ? <p className="-mt-2 text-sm text-muted">{descricao}</p> : null}
      {children}
    </fieldset>
  );
}

function Numero(props: { nome: string; rotulo: string; valor: number; erros: Erros; ajuda?: string }) {
  const ajudaId = props.ajuda ? `ajuda-${props.nome}` : undefined;
  return (
    <div className="min-w-0">
      <label className={rotuloCampo}>
        {props.rotulo}
        <input
          name={props.nome}
          type="number"
          inputMode="numeric"
          defaultValue={props.valor}
          className={campo}
          {...descrito(props.nome, props.erros, ajudaId)}
        />
      </label>
      {props.ajuda ? (
        <p id={ajudaId} className="mt-1 text-xs text-muted">
          {props.ajuda}
        </p>
      ) : null}
      <Erro nome={props.nome} erros={props.erros} />
    </div>
  );
}

export function ConfiguracoesImobiliaria({
  valores: v,
  fusos,
  acao,
}: {
  valores: ConfiguracoesForm;
  fusos: string[];
  acao: Acao;
}) {
  const { estado, enviar, enviando: salvando, submeter } = useAcaoFormulario(acao, ESTADO_INICIAL);
  const erros = estado.erros;
  const ativos = v.corretores.filter((c) => c.ativo);

  return (
    <form action={enviar} onSubmit={submeter} className="space-y-5" data-testid="configuracoes-form">
      <Secao titulo="Imobiliária">
        <div className="grid gap-4 sm:grid-cols-2">
          <div className="min-w-0">
            <label className={rotuloCampo}>
              Nome
              <input name="nome" defaultValue={v.nome} className={campo} {...descrito("nome", erros)} />
            </label>
            <Erro nome="nome" erros={erros} />
          </div>
          <div className="min-w-0">
            <label htmlFor="timezone" className={rotuloCampo}>
              Fuso horário
            </label>
            <select
              id="timezone"
              name="timezone"
              defaultValue={v.timezone}
              className={campo}
              {...descrito("timezone", erros)}
            >
              {fusos.map((f) => (
                <option key={f} value={f}>
                  {f.replaceAll("_", " ")}
                </option>
              ))}
            </select>
            <Erro nome="timezone" erros={erros} />
          </div>
        </div>
      </Secao>

      <Secao titulo="Prioridade dos leads" descricao="Pelo score de 0 a 100 de cada lead.">
        <div className="grid gap-4 sm:grid-cols-2">
          <Numero
            nome="scoreQuente"
            rotulo="Quente a partir de"
            valor={v.scoreQuente}
            erros={erros}
            ajuda="Alerta na hora para o corretor."
          />
          <Numero
            nome="scoreMorno"
            rotulo="Morno a partir de"
            valor={v.scoreMorno}
            erros={erros}
            ajuda="Agrupado com outros leads; abaixo disso, só no resumo."
          />
        </div>
      </Secao>

      <Secao titulo="Distribuição de leads">
        <div role="radiogroup" aria-labelledby="rotulo-roteamento" className="space-y-2">
          <p id="rotulo-roteamento" className="text-sm font-medium text-ink">
            Quem recebe um lead novo
          </p>
          {ROTEAMENTOS.map(([valor, rotulo, explicacao]) => (
            <label key={valor} className="flex min-h-11 items-start gap-2 text-sm">
              <input
                type="radio"
                name="roteamento"
                value={valor}
                defaultChecked={v.roteamento === valor}
                className="mt-0.5 size-4 shrink-0"
              />
              <span>
                <span className="font-medium text-ink">{rotulo}</span>
                <span className="block text-muted">{explicacao}</span>
              </span>
            </label>
          ))}
          <Erro nome="roteamento" erros={erros} />
        </div>
        <div className="max-w-sm">
          <label htmlFor="corretorFixoId" className={rotuloCampo}>
            Corretor fixo
          </label>
          <select
            id="corretorFixoId"
            name="corretorFixoId"
            defaultValue={v.corretorFixoId ?? ""}
            className={campo}
            {...descrito("corretorFixoId", erros, "ajuda-corretorFixoId")}
          >
            <option value="">Nenhum</option>
            {ativos.map((c) => (
              <option key={c.id} value={c.id}>
                {c.nome}
              </option>
            ))}
          </select>
          <p id="ajuda-corretorFixoId" className="mt-1 text-xs text-muted">
            Usado só com &ldquo;Corretor fixo&rdquo;.
          </p>
          <Erro nome="corretorFixoId" erros={erros} />
        </div>
        <div className="space-y-2">
          <p className="text-sm font-medium text-ink">Pesos na roleta</p>
          <p className="text-xs text-muted">De 0 (fora da roleta) a 10; 2 recebe o dobro de quem tem 1.</p>
          <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {v.corretores.map((c) => (
              <div key={c.id} className="min-w-0">
                <label className={rotuloCampo}>
                  {c.nome}
                  {c.ativo ? "" : " (inativo)"}
                  <input
                    name={`peso:${c.id}`}
                    type="number"
                    inputMode="numeric"
                    defaultValue={c.peso}
                    className={campo}
                    data-testid={`peso-${c.id}`}
                    {...descrito(`pesosRoleta.${c.id}`, erros)}
                  />
                </label>
                <Erro nome={`pesosRoleta.${c.id}`} erros={erros} />
              </div>
            ))}
          </div>
        </div>
      </Secao>

      <Secao
        titulo="Corretor novo"
        descricao="Limite diário e agrupamento com que um corretor adicionado começa; cada corretor ajusta os seus na página dele."
      >
        <div className="grid gap-4 sm:grid-cols-3">
          <Numero
            nome="limiteDiarioPadrao"
            rotulo="Limite diário de mensagens"
            valor={v.limiteDiarioPadrao}
            erros={erros}
          />
          <Numero nome="janelaMinutos" rotulo="Janela (minutos)" valor={v.janelaMinutos} erros={erros} />
          <Numero nome="tamanhoMaximo" rotulo="Até quantos leads" valor={v.tamanhoMaximo} erros={erros} />
        </div>
      </Secao>

      <Secao titulo="Atendimento">
        <div className="grid gap-4 sm:grid-cols-2">
          <Numero nome="slaMinutos" rotulo="Prazo do primeiro contato (minutos)" valor={v.slaMinutos} erros={erros} />
          <div className="min-w-0">
            <label className={rotuloCampo}>
              Follow-up (dias depois do lead)
              <input
                name="followUpDias"
                defaultValue={v.followUpDias}
                placeholder="1, 3, 7, 15"
                className={campo}
                {...descrito("followUpDias", erros, "ajuda-followUpDias")}
              />
            </label>
            <p id="ajuda-followUpDias" className="mt-1 text-xs text-muted">
              Números separados por vírgula, de 1 a 90.
            </p>
            <Erro nome="followUpDias" erros={erros} />
          </div>
          <div className="min-w-0 sm:col-span-2">
            <label className="flex min-h-11 items-center gap-2 text-sm">
              <input
                name="slaRedistribuir"
                type="checkbox"
                defaultChecked={v.slaRedistribuir}
                className="size-5"
                aria-describedby="ajuda-slaRedistribuir"
              />
              Redistribuir pela roleta o lead que seguir sem resposta
            </label>
            <p id="ajuda-slaRedistribuir" className="mt-1 text-xs text-muted">
              Vencido o prazo (contado no expediente do corretor), ele recebe um lembrete; um prazo depois, a gestão é
              avisada no WhatsApp. Marcado: mais um prazo depois, o lead vai para outro corretor pela roleta, e os dois
              são avisados.
            </p>
          </div>
        </div>
      </Secao>

      <Secao
        titulo="Resumos no WhatsApp"
        descricao="Em branco: no início do expediente de cada corretor, e às 08:00 para a gestão. Com um horário: no primeiro momento de expediente a partir dele, e nesse horário para a gestão (administradores e gestores com WhatsApp em Minha conta)."
      >
        <div className="grid gap-4 sm:grid-cols-2">
          {(
            [
              ["resumoDiarioHora", "Resumo diário a partir de", v.resumoDiarioHora],
              ["resumoSemanalHora", "Resumo semanal (segunda) a partir de", v.resumoSemanalHora],
            ] as const
          ).map(([nome, rotulo, valor]) => (
            <div key={nome} className="min-w-0">
              <label className={rotuloCampo}>
                {rotulo}
                <input name={nome} type="time" defaultValue={valor} className={campo} {...descrito(nome, erros)} />
              </label>
              <Erro nome={nome} erros={erros} />
            </div>
          ))}
        </div>
      </Secao>

      <Secao
        titulo="Inteligência artificial"
        descricao={
          v.iaLigada
            ? "A IA escreve alertas, lembretes e rascunhos de resposta e lê as conversas. Passado o limite do mês, as regras automáticas assumem até o mês seguinte."
            : "Sem OPENAI_API_KEY no servidor: as regras automáticas escrevem e leem tudo. O limite vale quando a IA for ligada."
        }
      >
        <div className="grid gap-4 sm:grid-cols-2">
          <div className="min-w-0">
            <label className={rotuloCampo}>
              Limite mensal estimado (US$)
              <input
                name="limiteMensalIaUsd"
                inputMode="decimal"
                defaultValue={v.limiteMensalIaUsd}
                placeholder="sem limite"
                className={campo}
                {...descrito("limiteMensalIaUsd", erros)}
              />
            </label>
            <Erro nome="limiteMensalIaUsd" erros={erros} />
          </div>
        </div>
      </Secao>

      <Secao
        titulo="Privacidade (LGPD)"
        descricao="Todo dia, os corpos das entregas dos portais com mais de 30 dias são apagados, e os leads sem atividade há mais meses que o prazo abaixo perdem nome, telefone, e-mail e textos. Os números das métricas continuam; cada execução fica na auditoria."
      >
        <div className="grid gap-4 sm:grid-cols-2">
          <Numero
            nome="retencaoMeses"
            rotulo="Guardar dados pessoais por (meses)"
            valor={v.retencaoMeses}
            erros={erros}
          />
        </div>
      </Secao>

      <Secao
        titulo="Modelos de mensagem da Twilio (Content SID)"
        descricao="HX seguido de 32 hexadecimais. Em branco, vale o do ambiente (TWILIO_CONTENT_SID_…), quando definido."
      >
        <div className="space-y-4">
          {v.templates.map((t) => (
            <div key={t.tipo} className="min-w-0 space-y-2" data-testid={`template-${t.tipo}`}>
              <p className="text-sm font-medium text-ink">{t.rotulo}</p>
              <div className="grid gap-3 sm:grid-cols-2">
                {(
                  [
                    ["foraDaJanela", "Fora da janela de 24 h", t.foraDaJanela, t.envForaDaJanela],
                    ["comBotoes", "Com botões", t.comBotoes, t.envComBotoes],
                  ] as const
                ).map(([variante, rotulo, valor, doAmbiente]) => {
                  const nome = `templates.${t.tipo}.${variante}`;
                  const ajuda = `ajuda-${t.tipo}-${variante}`;
                  return (
                    <div key={variante} className="min-w-0">
                      <label className="block min-w-0 text-sm text-ink">
                        {rotulo}
                        <input
                          name={`template:${t.tipo}.${variante}`}
                          defaultValue={valor}
                          spellCheck={false}
                          autoComplete="off"
                          className={`${campo} font-mono`}
                          {...descrito(nome, erros, ajuda)}
                        />
                      </label>
                      <p id={ajuda} className="mt-1 break-all text-xs text-muted">
                        {doAmbiente ? `No ambiente: ${doAmbiente}` : "Nada no ambiente."}
                      </p>
                      <Erro nome={nome} erros={erros} />
                    </div>
                  );
                })}
              </div>
            </div>
          ))}
        </div>
      </Secao>

      <EnvioComAviso
        rotulo="Salvar configurações"
        rotuloEnviando="Salvando…"
        enviando={salvando}
        aviso={estado}
        avisoTestId="configuracoes-aviso"
        botaoTestId="salvar"
      />
    </form>
  );
}
