// /eventos' list: one card per detection on every width (a reason and its messages do not fit a table
// row, and a card never scrolls sideways on a phone): what, when, how urgent, for whom, what was
// decided and why, and what it produced.
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { EventoItem } from "@/lib/painel/load-eventos";
import { formatDataHora } from "@/lib/time/format-data-hora";

type EventosListaProps = { itens: EventoItem[]; timezone: string; mostrarCorretor: boolean };

const linkClass =
  "font-medium text-brand-700 underline underline-offset-2 hover:text-brand-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600";

export function EventosLista({ itens, timezone, mostrarCorretor }: EventosListaProps) {
  return (
    <ul className="space-y-3" aria-label="Eventos">
      {itens.map((e) => (
        <li
          key={e.id}
          className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
          data-testid="evento"
          data-evento-id={e.id}
          data-tipo={e.tipo ?? ""}
          data-lead-id={e.lead?.id ?? ""}
        >
          <div className="flex flex-wrap items-start justify-between gap-2">
            <div className="min-w-0">
              <h2 className="break-words font-semibold text-ink" data-testid="evento-titulo">
                {e.titulo}
              </h2>
              <p className="text-xs text-muted tabular-nums">{formatDataHora(e.at, timezone)}</p>
            </div>
            <div className="flex flex-wrap gap-1.5">
              {e.urgencia ? <Badge tom={e.urgencia.tom}>{e.urgencia.rotulo}</Badge> : null}
              <Badge tom={e.estado.tom} testId="evento-estado">
                {e.estado.rotulo}
              </Badge>
            </div>
          </div>

          <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm sm:gap-x-6">
            {e.lead ? (
              <>
                <dt className="text-muted">Lead</dt>
                <dd className="min-w-0 break-words" data-testid="evento-lead">
                  {e.lead.href ? (
                    <Link href={e.lead.href} className={linkClass}>
                      {e.lead.nome}
                    </Link>
                  ) : (
                    <span className="text-muted">Passado a outro corretor</span>
                  )}
                </dd>
              </>
            ) : null}
            {mostrarCorretor ? (
              <>
                <dt className="text-muted">Corretor</dt>
                <dd className="min-w-0 break-words">{e.corretorNome ?? "Sem corretor"}</dd>
              </>
            ) : null}
            <dt className="text-muted">Decisão</dt>
            <dd className="min-w-0 break-words text-ink" data-testid="evento-decisao">
              {e.decisao ?? "aguardando a decisão do Orquestrador"}
            </dd>
            <dt className="text-muted">Mensagens</dt>
            <dd className="min-w-0" data-testid="evento-mensagens">
              {e.mensagens.length ? (
                <ul className="space-y-1">
                  {e.mensagens.map((m) => (
                    <li key={m.id} className="flex flex-wrap items-center gap-2" data-mensagem-id={m.id}>
                      <Link href={m.href} className={linkClass}>
                        {m.rotulo}
                      </Link>
                      <Badge tom={m.status.tom}>{m.status.rotulo}</Badge>
                    </li>
                  ))}
                </ul>
              ) : (
                <span className="text-muted" data-testid="evento-sem-mensagem">
                  {e.semMensagem}
                </span>
              )}
            </dd>
          </dl>
          {e.descricao ? <p className="mt-3 break-words text-xs text-muted">{e.descricao}</p> : null}
        </li>
      ))}
    </ul>
  );
}
