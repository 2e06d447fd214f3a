// One lead on the board: name (the link to its page), score, broker for managers, how long since it
// arrived and since the last interaction, and a "Mover para…" menu. The menu's form is drawn only
// when opened (210 forms in the page made it 1 MB); without JavaScript the same link opens the lead
// page's move form instead. The reason (Perdido) and the visit's date (Visita agendada) appear by CSS
// alone when that step is picked.
import Link from "next/link";
import { useState } from "react";
import { ScoreBadge, type Limiares } from "@/components/ui/score-badge";
import type { CartaoVista, FunilEstado } from "@/lib/painel/funil-quadro";
import { destinos, proximaEtapa } from "@/lib/painel/funil";
import { STATUS_LEAD } from "@/lib/painel/rotulos";
import { campo, foco } from "@/components/ui/estilos";

type FunilCartaoProps = {
  lead: CartaoVista;
  limiares: Limiares;
  mostrarCorretor: boolean;
  mover: (form: FormData) => void;
  pendente: boolean;
  /** The last move's answer when it was about this lead. */
  estado: FunilEstado | null;
  onDragStart: (lead: CartaoVista) => void;
  onDragEnd: () => void;
};

export function FunilCartao(props: FunilCartaoProps) {
  const { lead, limiares, mostrarCorretor, mover, pendente, estado, onDragStart, onDragEnd } = props;
  const erros = estado && !estado.ok ? estado.erros : undefined;
  const opcoes = destinos(lead.status);
  const sufixo = lead.id.replace(/[^A-Za-z0-9_-]/g, "");
  const [aberto, setAberto] = useState(false);
  return (
    <li
      draggable
      onDragStart={(e) => {
        e.dataTransfer.effectAllowed = "move";
        e.dataTransfer.setData("text/plain", lead.id);
        onDragStart(lead);
      }}
      onDragEnd={onDragEnd}
      className="cursor-grab rounded-xl border border-slate-200 bg-white p-3 shadow-sm active:cursor-grabbing"
      data-testid="funil-cartao"
      data-lead-id={lead.id}
      data-status={lead.status}
    >
      <div className="flex items-start justify-between gap-2">
        <Link
          href={`/leads/${lead.id}`}
          draggable={false}
          className={`min-w-0 break-words rounded font-semibold text-ink hover:text-brand-800 hover:underline ${foco}`}
        >
          {lead.nome}
        </Link>
        <ScoreBadge score={lead.score} limiares={limiares} size="sm" testId="funil-score" />
      </div>
      {mostrarCorretor ? (
        <p className="mt-1 truncate text-xs text-muted">
          Corretor: <span className="text-slate-700">{lead.corretorNome ?? "Sem corretor"}</span>
        </p>
      ) : null}
      <p className="mt-1 text-xs text-muted">
        Recebido{" "}
        <time dateTime={lead.recebido.iso ?? undefined} title={lead.recebido.titulo} className="text-slate-700">
          {lead.recebido.texto}
        </time>
        <span aria-hidden> · </span>
        última interação{" "}
        <time dateTime={lead.ultima.iso ?? undefined} title={lead.ultima.titulo} className="text-slate-700">
          {lead.ultima.texto}
        </time>
      </p>

      {aberto || erros ? (
        <div className="mt-2">
          <form action={mover} className="group space-y-2" data-testid="funil-mover-form">
            <input type="hidden" name="leadId" value={lead.id} />
            <input type="hidden" name="de" value={lead.status} />
            <label className="block text-sm font-medium text-ink">
              Etapa
              <select name="para" autoFocus defaultValue={proximaEtapa(lead.status) ?? opcoes[0]} className={campo}>
                {opcoes.map((s) => (
                  <option key={s} value={s}>
                    {STATUS_LEAD[s].rotulo}
                  </option>
                ))}
              </select>
            </label>
            <div className="hidden group-has-[option[value$=agendada]:checked]:block">
              <label htmlFor={`visita-${sufixo}`} className="block text-sm font-medium text-ink">
                Data e hora da visita <span className="font-normal text-muted">(opcional)</span>
              </label>
              <input
                id={`visita-${sufixo}`}
                type="datetime-local"
                name="visitaEm"
                className={campo}
                aria-invalid={erros?.visitaEm ? true : undefined}
              />
              {erros?.visitaEm ? <p className="mt-1 text-sm text-red-700">{erros.visitaEm}</p> : null}
            </div>
            <div className="hidden group-has-[option[value=perdido]:checked]:block">
              <label htmlFor={`motivo-${sufixo}`} className="block text-sm font-medium text-ink">
                Motivo da perda <span className="text-red-700">(obrigatório)</span>
              </label>
              <textarea
                id={`motivo-${sufixo}`}
                name="motivo"
                rows={2}
                maxLength={500}
                className={campo}
                aria-invalid={erros?.motivo ? true : undefined}
              />
              {erros?.motivo ? <p className="mt-1 text-sm text-red-700">{erros.motivo}</p> : null}
            </div>
            <button
              type="button"
              onClick={() => setAberto(false)}
              className={`inline-flex min-h-10 w-full items-center justify-center rounded-lg border border-slate-300 bg-white px-3 text-sm font-medium text-slate-700 hover:bg-slate-50 ${foco}`}
            >
              Cancelar
            </button>
            <button
              type="submit"
              disabled={pendente}
              className={`inline-flex min-h-10 w-full items-center justify-center rounded-lg bg-brand-700 px-3 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60 ${foco}`}
              data-testid="funil-mover-confirmar"
            >
              Mover
            </button>
          </form>
        </div>
      ) : (
        <a
          href={`/leads/${lead.id}#mover`}
          onClick={(e) => {
            e.preventDefault();
            setAberto(true);
          }}
          aria-haspopup="true"
          className={`mt-2 inline-flex min-h-9 items-center rounded-lg border border-slate-300 px-2.5 text-sm font-medium text-slate-700 hover:bg-slate-50 ${foco}`}
          data-testid="funil-mover-menu"
        >
          Mover para…
        </a>
      )}
    </li>
  );
}
