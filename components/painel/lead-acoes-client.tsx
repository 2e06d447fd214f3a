"use client";
// What a person does with the lead: advance it one step, move it anywhere in the funnel or mark it
// lost (with the reason), add a note. On a phone the main actions sit in a bar at the bottom, within
// thumb reach. The server actions authorize and validate; errors come back beside their field.
import { useActionState, useState } from "react";
import type { LeadStatus } from "@/lib/db/schema";
import { ESTADO_INICIAL, type AcaoEstado } from "@/lib/painel/acao-estado";
import { destinos, proximaEtapa } from "@/lib/painel/funil";
import { STATUS_LEAD } from "@/lib/painel/rotulos";
import { botaoPrimario, botaoSecundario, campo } from "@/components/ui/estilos";

type Acao = (prev: AcaoEstado, form: FormData) => Promise<AcaoEstado>;

type LeadAcoesProps = {
  leadId: string;
  status: LeadStatus | null;
  tel: string | null;
  whatsapp: string | null;
  mudarStatus: Acao;
  adicionarNota: Acao;
  /** Managers only: the agency's active brokers, and the action to hand the lead to one of them. */
  reatribuicao: { corretores: { id: string; nome: string }[]; corretorAtualId: string | null; acao: Acao } | null;
};

const rotulo = (s: LeadStatus) => STATUS_LEAD[s].rotulo;

function Aviso({ estado, testId }: { estado: AcaoEstado; testId: string }) {
  if (!estado.mensagem) return null;
  return (
    <p role="status" data-testid={testId} className={`mt-2 text-sm ${estado.ok ? "text-brand-800" : "text-amber-800"}`}>
      {estado.mensagem}
    </p>
  );
}

function Erro({ id, texto }: { id: string; texto?: string }) {
  return texto ? (
    <p id={id} className="mt-1 text-sm text-red-700">
      {texto}
    </p>
  ) : null;
}

export function LeadAcoes({ leadId, status, tel, whatsapp, mudarStatus, adicionarNota, reatribuicao }: LeadAcoesProps) {
  const [estadoStatus, acaoStatus, movendo] = useActionState(mudarStatus, ESTADO_INICIAL);
  const [estadoNota, acaoNota, salvandoNota] = useActionState(adicionarNota, ESTADO_INICIAL);
  const proxima = proximaEtapa(status);
  const ocultos = (
    <>
      <input type="hidden" name="leadId" value={leadId} />
      <input type="hidden" name="de" value={status ?? ""} />
    </>
  );

  return (
    <section
      id="acoes"
      aria-labelledby="lead-acoes"
      className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
    >
      <h2 id="lead-acoes" className="text-sm font-semibold text-ink">
        Ações
      </h2>

      {proxima ? (
        <form action={acaoStatus} className="mt-3 hidden md:block">
          {ocultos}
          <input type="hidden" name="para" value={proxima} />
          <button type="submit" className={`${botaoPrimario} w-full`} disabled={movendo} data-testid="avancar">
            Avançar para {rotulo(proxima)}
          </button>
        </form>
      ) : null}

      {/* Keyed by status: after a move the menu starts again from the new step. */}
      <MoverPara
        key={status ?? "sem-status"}
        status={status}
        acao={acaoStatus}
        estado={estadoStatus}
        pendente={movendo}
        ocultos={ocultos}
      />
      <Aviso estado={estadoStatus} testId="acao-status-aviso" />

      <form action={acaoNota} className="mt-5 border-t border-slate-100 pt-4">
        <input type="hidden" name="leadId" value={leadId} />
        <label htmlFor="nota-texto" className="text-sm font-medium text-ink">
          Nota
        </label>
        <textarea
          id="nota-texto"
          name="texto"
          rows={3}
          maxLength={2000}
          className={campo}
          placeholder="Ex.: prefere ligação depois das 18h."
          aria-invalid={estadoNota.erros?.texto ? true : undefined}
          aria-describedby={estadoNota.erros?.texto ? "nota-erro" : undefined}
        />
        <Erro id="nota-erro" texto={estadoNota.erros?.texto} />
        <button type="submit" className={`${botaoSecundario} mt-2 w-full`} disabled={salvandoNota}>
          Adicionar nota
        </button>
        <Aviso estado={estadoNota} testId="acao-nota-aviso" />
      </form>

      {reatribuicao ? <Reatribuir leadId={leadId} {...reatribuicao} /> : null}

      {/* A phone's thumb zone: call, WhatsApp and the next step always at hand. */}
      <div className="fixed inset-x-0 bottom-0 z-20 border-t border-slate-200 bg-white/95 px-3 py-2 shadow-[0_-4px_12px_rgba(0,0,0,0.06)] backdrop-blur md:hidden">
        <div className="mx-auto flex max-w-xl items-center gap-2 text-sm">
          {tel ? (
            <a href={tel} className={`${botaoSecundario} shrink-0 px-3`}>
              Ligar
            </a>
          ) : null}
          {whatsapp ? (
            <a href={whatsapp} target="_blank" rel="noopener noreferrer" className={`${botaoSecundario} shrink-0 px-3`}>
              WhatsApp
            </a>
          ) : null}
          {proxima ? (
            <form action={acaoStatus} className="min-w-0 flex-1">
              {ocultos}
              <input type="hidden" name="para" value={proxima} />
              <button
                type="submit"
                className={`${botaoPrimario} w-full truncate whitespace-nowrap px-3`}
                disabled={movendo}
                data-testid="avancar-barra"
                aria-label={`Avançar para ${rotulo(proxima)}`}
              >
                <span className="truncate">{rotulo(proxima)} →</span>
              </button>
            </form>
          ) : (
            <a href="#acoes" className={`${botaoPrimario} min-w-0 flex-1 px-3`}>
              Ações
            </a>
          )}
        </div>
      </div>
    </section>
  );
}

type MoverParaProps = {
  status: LeadStatus | null;
  acao: (form: FormData) => void;
  estado: AcaoEstado;
  pendente: boolean;
  ocultos: React.ReactNode;
};

function MoverPara({ status, acao, estado, pendente, ocultos }: MoverParaProps) {
  // A scheduled visit may get a new date: "Remarcar visita" keeps the stage, and its reminders follow.
  const remarcavel = status === "visita_agendada";
  const opcoes: LeadStatus[] = remarcavel ? ["visita_agendada", ...destinos(status)] : destinos(status);
  const [para, setPara] = useState<LeadStatus>(proximaEtapa(status) ?? opcoes[0]!);
  const remarcar = remarcavel && para === "visita_agendada";
  return (
    <form action={acao} className="mt-4 scroll-mt-20" id="mover" data-testid="mover-status">
      {ocultos}
      <label htmlFor="mover-para" className="text-sm font-medium text-ink">
        Mover para
      </label>
      <select
        id="mover-para"
        name="para"
        value={para}
        onChange={(e) => setPara(e.target.value as LeadStatus)}
        className={campo}
        aria-invalid={estado.erros?.para ? true : undefined}
        aria-describedby={estado.erros?.para ? "para-erro" : undefined}
      >
        {opcoes.map((s) => (
          <option key={s} value={s}>
            {remarcavel && s === status ? "Remarcar visita" : rotulo(s)}
          </option>
        ))}
      </select>
      <Erro id="para-erro" texto={estado.erros?.para} />
      {para === "visita_agendada" ? (
        <div className="mt-3">
          <label htmlFor="visita-em" className="text-sm font-medium text-ink">
            {remarcar ? "Nova data e hora da visita" : "Data e hora da visita"}{" "}
            <span className="font-normal text-muted">{remarcar ? "(obrigatório)" : "(opcional)"}</span>
          </label>
          <input
            id="visita-em"
            type="datetime-local"
            name="visitaEm"
            className={campo}
            aria-invalid={estado.erros?.visitaEm ? true : undefined}
            aria-describedby={estado.erros?.visitaEm ? "visita-erro" : undefined}
          />
          <Erro id="visita-erro" texto={estado.erros?.visitaEm} />
        </div>
      ) : null}
      {para === "perdido" ? (
        <div className="mt-3">
          <label htmlFor="motivo-perda" className="text-sm font-medium text-ink">
            Motivo da perda <span className="text-red-700">(obrigatório)</span>
          </label>
          <textarea
            id="motivo-perda"
            name="motivo"
            rows={2}
            maxLength={500}
            className={campo}
            placeholder="Ex.: comprou com outra imobiliária."
            aria-invalid={estado.erros?.motivo ? true : undefined}
            aria-describedby={estado.erros?.motivo ? "motivo-erro" : undefined}
          />
          <Erro id="motivo-erro" texto={estado.erros?.motivo} />
        </div>
      ) : null}
      <button
        type="submit"
        className={`${botaoSecundario} mt-2 w-full`}
        disabled={pendente}
        data-testid="mover-confirmar"
      >
        {para === "perdido" ? "Marcar como perdido" : remarcar ? "Remarcar" : "Mover"}
      </button>
    </form>
  );
}

type ReatribuirProps = NonNullable<LeadAcoesProps["reatribuicao"]> & { leadId: string };

function Reatribuir({ leadId, corretores, corretorAtualId, acao }: ReatribuirProps) {
  const [estado, formAction, pendente] = useActionState(acao, ESTADO_INICIAL);
  const outros = corretores.filter((c) => c.id !== corretorAtualId);
  if (outros.length === 0) return null;
  return (
    <form action={formAction} className="mt-5 border-t border-slate-100 pt-4" key={corretorAtualId ?? "ninguem"}>
      <input type="hidden" name="leadId" value={leadId} />
      <label htmlFor="reatribuir-para" className="text-sm font-medium text-ink">
        Passar para outro corretor
      </label>
      <select
        id="reatribuir-para"
        name="paraCorretorId"
        defaultValue=""
        className={campo}
        aria-invalid={estado.erros?.paraCorretorId ? true : undefined}
        aria-describedby={estado.erros?.paraCorretorId ? "reatribuir-erro" : undefined}
      >
        <option value="" disabled>
          Escolha o corretor
        </option>
        {outros.map((c) => (
          <option key={c.id} value={c.id}>
            {c.nome}
          </option>
        ))}
      </select>
      <Erro id="reatribuir-erro" texto={estado.erros?.paraCorretorId} />
      <button type="submit" className={`${botaoSecundario} mt-2 w-full`} disabled={pendente} data-testid="reatribuir">
        Reatribuir
      </button>
      <Aviso estado={estado} testId="acao-reatribuir-aviso" />
    </form>
  );
}
